package io.newsflow.projection.ops;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ProjectionWriter;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Builds a service's operator tools for its topic from the beans every consumer service has. */
public final class OperationsWiring {

    private OperationsWiring() {
    }

    public static DeadLetterQueue deadLetters(String topic, KafkaProperties kafka,
            KafkaTemplate<Object, Object> deadLetterTemplate, MongoTemplate mongo, Clock clock,
            MeterRegistry registry) {
        return new DeadLetterQueue(topic, String.join(",", kafka.getBootstrapServers()), deadLetterTemplate, mongo,
                clock, registry);
    }

    /** The lag and dead-letter gauges of the service's consumer group on {@code topic}. */
    public static KafkaLagMonitor lagMonitor(String topic, KafkaProperties kafka, MongoTemplate mongo,
            MeterRegistry registry) {
        return new KafkaLagMonitor(kafka.buildAdminProperties(), kafka.getConsumer().getGroupId(), topic, mongo,
                registry);
    }

    /**
     * @param consumers Boot's consumer factory, configured for the topic's event type
     * @param listenerId the id of the service's {@code @KafkaListener}
     */
    @SuppressWarnings("unchecked")
    public static <E> ReadModelRebuild<E> rebuild(String topic, String listenerId, ProjectionWriter<E> writer,
            ConsumerFactory<?, ?> consumers, KafkaListenerEndpointRegistry listeners, MongoTemplate mongo,
            Clock clock, ProjectionProperties properties) {
        return new ReadModelRebuild<>(topic, writer, (ConsumerFactory<String, E>) consumers,
                () -> listeners.getListenerContainer(listenerId), mongo, clock, properties.rebuildGrace());
    }
}
