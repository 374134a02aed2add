package io.newsflow.article.article;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.newsflow.contracts.ArticleEvent;
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
class ArticleProjectionConfig {

    static final String LISTENER_ID = "articles";

    static final String NAME = "articles";

    /** The served collection and its indexes: newest first by (publishedAt, id), outlet, search tokens. */
    @Bean
    ReadModel articlesReadModel(MongoTemplate mongo) {
        ReadModel model = new ReadModel(mongo, NAME, List.of(
                new Index().on("publishedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC),
                new Index().on("outlet", Sort.Direction.ASC),
                new Index().on("tokens", Sort.Direction.ASC),
                new Index().on("headTokens", Sort.Direction.ASC)));
        model.ensureIndexes(model.collection());
        return model;
    }

    @Bean
    ProjectionWriter<ArticleEvent> articleWriter(MongoTemplate mongo, ReadModel articlesReadModel,
            ArticleProjection projection, Clock clock) {
        return new ProjectionWriter<>(mongo, articlesReadModel, projection, clock);
    }

    @Bean
    ProjectionListener<ArticleEvent> articleProjectionListener(ProjectionWriter<ArticleEvent> writer, MeterRegistry registry,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, Clock clock) {
        return new ProjectionListener<>(writer, registry, Topics.ARTICLES, tracer.getIfAvailable(),
                propagator.getIfAvailable(), clock);
    }

    /** Listing, replay and discard of articles dead letters: {@code /actuator/deadletters}. */
    @Bean
    DeadLetterQueue articleDeadLetters(KafkaProperties kafka, KafkaTemplate<Object, Object> deadLetterTemplate,
            MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        return OperationsWiring.deadLetters(Topics.ARTICLES, kafka, deadLetterTemplate, mongo, clock, registry);
    }

    /** Rebuild of the read model from the start of its topic: {@code /actuator/rebuild}. */
    @Bean
    ReadModelRebuild<ArticleEvent> articleRebuild(ProjectionWriter<ArticleEvent> writer, ConsumerFactory<?, ?> consumers,
            KafkaListenerEndpointRegistry listeners, MongoTemplate mongo, Clock clock,
            ProjectionProperties properties) {
        return OperationsWiring.rebuild(Topics.ARTICLES, LISTENER_ID, writer, consumers, listeners, mongo, clock,
                properties);
    }

    /** Consumer lag per partition and dead-letter counts as gauges. */
    @Bean
    KafkaLagMonitor articleLagMonitor(KafkaProperties kafka, MongoTemplate mongo, MeterRegistry registry) {
        return OperationsWiring.lagMonitor(Topics.ARTICLES, kafka, mongo, registry);
    }
}
