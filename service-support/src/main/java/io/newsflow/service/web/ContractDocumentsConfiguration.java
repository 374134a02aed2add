package io.newsflow.service.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnResource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the event contract next to the service's OpenAPI:
 * {@code /contracts/asyncapi.yaml} (AsyncAPI 3.0) and the JSON Schemas it names,
 * {@code /contracts/schemas/v1/<type>.json}, from the event-contracts module on the class
 * path. The AsyncAPI document's relative {@code $ref}s resolve against the URL it was
 * fetched from.
 */
@AutoConfiguration
@ConditionalOnResource(resources = "classpath:contracts/asyncapi.yaml")
public class ContractDocumentsConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/contracts/**")
            .addResourceLocations("classpath:/contracts/")
            .setCacheControl(CacheControl.maxAge(Duration.ofMinutes(5)));
    }

}
