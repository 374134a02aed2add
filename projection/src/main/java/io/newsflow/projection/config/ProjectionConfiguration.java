package io.newsflow.projection.config;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.Projection;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.StoredOffsets;
import io.newsflow.projection.WriteListener;
import io.newsflow.projection.ops.DeadLetterQueue;
import io.newsflow.projection.ops.KafkaLagMonitor;
import io.newsflow.projection.ops.ReadModelRebuild;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Everything a consumer service needs to project one topic into one read model, from four
 * facts its subclass gives: the topic, the id of its {@code @KafkaListener}, the read
 * model's name and its indexes. The service also declares its {@link Projection} as a
 * bean and a listener that hands each batch to {@link ProjectionListener#apply}.
 *
 * @param <E> the event type of the topic
 */
public abstract class ProjectionConfiguration<E> {

    /** The topic the read model is built from. */
    protected abstract String topic();

    /** The id of the service's {@code @KafkaListener}, which a rebuild pauses. */
    protected abstract String listenerId();

    /** The read model's name, also its first collection (such as {@code articles}). */
    protected abstract String readModelName();

    /** The indexes every collection of the read model gets. */
    protected abstract List<Index> indexes();

    /**
     * Indexes an earlier version created that {@link #indexes} replaced, dropped where
     * they exist once their replacements do; none by default.
     */
    protected List<Index> retiredIndexes() {
        return List.of();
    }

    @Bean
    public ReadModel readModel(MongoTemplate mongo) {
        ReadModel model = new ReadModel(mongo, readModelName(), indexes(), retiredIndexes());
        model.ensureIndexes(model.collection());
        return model;
    }

    @Bean
    public ProjectionWriter<E> projectionWriter(MongoTemplate mongo, ReadModel readModel, Projection<E> projection,
            Clock clock, ObjectProvider<WriteListener> listeners) {
        return new ProjectionWriter<>(mongo, readModel, projection, clock, listeners.orderedStream().toList());
    }

    /**
     * The read model's position in its topic, kept in its store; also the listener
     * container's rebalance listener, which seeks to it on assignment.
     */
    @Bean
    public StoredOffsets storedOffsets(MongoTemplate mongo, ReadModel readModel) {
        return new StoredOffsets(mongo, readModel, readModelName(), topic());
    }

    @Bean
    public ProjectionListener<E> projectionListener(ProjectionWriter<E> writer, StoredOffsets offsets,
            DeadLetterPublishingRecoverer deadLetterPublisher, MeterRegistry registry, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator, Clock clock) {
        return new ProjectionListener<>(writer, offsets, deadLetterPublisher, registry, topic(),
                tracer.getIfAvailable(), propagator.getIfAvailable(), clock);
    }

    /** The dead-letter topic, created when missing. */
    @Bean
    public NewTopic deadLetterTopic(@Value("${newsflow.topics.partitions:3}") int partitions,
            @Value("${newsflow.topics.replication-factor:1}") short replicationFactor) {
        return new NewTopic(Topics.deadLetter(topic()), partitions, replicationFactor);
    }

    /** Listing, replay and discard of dead letters: {@code /actuator/deadletters}. */
    @Bean
    @SuppressWarnings("unchecked")
    public DeadLetterQueue<E> deadLetterQueue(ConsumerFactory<?, ?> consumers, ProjectionWriter<E> writer,
            MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        return new DeadLetterQueue<>(topic(), (ConsumerFactory<String, E>) consumers, writer, mongo, clock, registry);
    }

    /**
     * Rebuild of the read model from the start of its topic: {@code /actuator/rebuild}.
     */
    @Bean
    @SuppressWarnings("unchecked")
    public ReadModelRebuild<E> readModelRebuild(ProjectionWriter<E> writer, ConsumerFactory<?, ?> consumers,
            KafkaListenerEndpointRegistry listeners, MongoTemplate mongo, Clock clock,
            ProjectionProperties properties) {
        return new ReadModelRebuild<>(topic(), writer, (ConsumerFactory<String, E>) consumers,
                () -> listeners.getListenerContainer(listenerId()), mongo, clock, properties.rebuildGrace());
    }

    /** Consumer lag per partition and dead-letter counts as gauges. */
    @Bean
    public KafkaLagMonitor kafkaLagMonitor(KafkaProperties kafka, DeadLetterQueue<E> deadLetters,
            MeterRegistry registry) {
        return new KafkaLagMonitor(kafka.buildAdminProperties(), kafka.getConsumer().getGroupId(), topic(), deadLetters,
                registry);
    }

}
