package io.newsflow.board.post;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.ops.DeadLetterQueue;
import io.newsflow.projection.ops.KafkaLagMonitor;
import io.newsflow.projection.ops.OperationsWiring;
import io.newsflow.projection.ops.ReadModelRebuild;
import io.newsflow.projection.ProjectionWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class PostProjectionConfig {

    static final String LISTENER_ID = "posts";

    static final String NAME = "posts";

    /** The served collection and its indexes: a board newest number first, authors, title search tokens. */
    @Bean
    ReadModel postsReadModel(MongoTemplate mongo) {
        ReadModel model = new ReadModel(mongo, NAME, List.of(
                new Index().on("board", Sort.Direction.ASC).on("number", Sort.Direction.DESC),
                new Index().on("board", Sort.Direction.ASC).on("author", Sort.Direction.ASC),
                new Index().on("tokens", Sort.Direction.ASC)));
        model.ensureIndexes(model.collection());
        return model;
    }

    @Bean
    ProjectionWriter<PostEvent> postWriter(MongoTemplate mongo, ReadModel postsReadModel, PostProjection projection,
            Clock clock) {
        return new ProjectionWriter<>(mongo, postsReadModel, projection, clock);
    }

    @Bean
    ProjectionListener<PostEvent> postProjectionListener(ProjectionWriter<PostEvent> writer, MeterRegistry registry,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, Clock clock) {
        return new ProjectionListener<>(writer, registry, Topics.POSTS, tracer.getIfAvailable(),
                propagator.getIfAvailable(), clock);
    }

    /** Listing, replay and discard of posts dead letters: {@code /actuator/deadletters}. */
    @Bean
    DeadLetterQueue postDeadLetters(KafkaProperties kafka, KafkaTemplate<Object, Object> deadLetterTemplate,
            MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        return OperationsWiring.deadLetters(Topics.POSTS, kafka, deadLetterTemplate, mongo, clock, registry);
    }

    /** Rebuild of the read model from the start of its topic: {@code /actuator/rebuild}. */
    @Bean
    ReadModelRebuild<PostEvent> postRebuild(ProjectionWriter<PostEvent> writer, ConsumerFactory<?, ?> consumers,
            KafkaListenerEndpointRegistry listeners, MongoTemplate mongo, Clock clock,
            ProjectionProperties properties) {
        return OperationsWiring.rebuild(Topics.POSTS, LISTENER_ID, writer, consumers, listeners, mongo, clock,
                properties);
    }

    /** Consumer lag per partition and dead-letter counts as gauges. */
    @Bean
    KafkaLagMonitor postLagMonitor(KafkaProperties kafka, MongoTemplate mongo, MeterRegistry registry) {
        return OperationsWiring.lagMonitor(Topics.POSTS, kafka, mongo, registry);
    }
}
