package io.newsflow.board;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The board read model: consumes post events into MongoDB and serves the board API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BoardApplication {

    /**
     * Configuration file name ({@code board.yml}), so three services can share one
     * classpath in tests.
     */
    public static final String CONFIG_NAME = "board";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        return new SpringApplicationBuilder(BoardApplication.class).properties("spring.config.name=" + CONFIG_NAME)
            .build();
    }

}
