package io.newsflow.ingest.config;

import java.util.List;

import io.newsflow.service.security.ApiKeyAuthentication;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} and {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI ingestApi() {
        return new OpenAPI()
            // relative: an absolute URL would echo whatever Host header a caller sent
            .servers(List.of(new Server().url("/").description("this service")))
            .info(new Info().title("newsflow ingest API")
                .version("v1")
                .description("Articles, board posts and whole scraped pages go in here. A write is answered "
                        + "202 only after Kafka acknowledged its event; errors are RFC 9457 problem details."))
            .components(new Components().addSecuritySchemes(API_KEY,
                    new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(ApiKeyAuthentication.HEADER)))
            .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

}
