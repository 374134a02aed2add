package io.newsflow.article;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The article read model: consumes article events into MongoDB and serves the article
 * API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ArticleApplication {

    /**
     * Configuration file name ({@code article.yml}), so three services can share one
     * classpath in tests.
     */
    public static final String CONFIG_NAME = "article";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        return new SpringApplicationBuilder(ArticleApplication.class).properties("spring.config.name=" + CONFIG_NAME)
            .build();
    }

}
