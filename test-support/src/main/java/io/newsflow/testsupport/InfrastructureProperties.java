package io.newsflow.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application at an {@link Infrastructure}: the standard Spring Boot
 * connection properties, with precedence over the application's own configuration.
 */
public final class InfrastructureProperties {

    private InfrastructureProperties() {
    }

    /** The properties that connect a service to the given broker and server. */
    public static Map<String, Object> of(Infrastructure infrastructure) {
        return Map.of("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(), "spring.mongodb.uri",
                infrastructure.mongoUri());
    }

    static void apply(ConfigurableApplicationContext context, Infrastructure infrastructure) {
        context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("newsflow-" + infrastructure.description(), of(infrastructure)));
    }

    /** Used by {@link WithEmbeddedInfrastructure}. */
    public static final class Embedded implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            apply(context, EmbeddedInfrastructure.shared());
        }

    }

    /** Used by {@link WithContainerInfrastructure}. */
    public static final class Containers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            apply(context, ContainerInfrastructure.shared());
        }

    }

}
