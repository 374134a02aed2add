package io.newsflow.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The only door into newsflow: validates and normalises what crawlers send and publishes
 * it to Kafka.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

    /**
     * Configuration file name ({@code ingest.yml}), so three services can share one
     * classpath in tests.
     */
    public static final String CONFIG_NAME = "ingest";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        return new SpringApplicationBuilder(IngestApplication.class).properties("spring.config.name=" + CONFIG_NAME)
            .build();
    }

}
