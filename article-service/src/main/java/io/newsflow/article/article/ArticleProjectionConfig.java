package io.newsflow.article.article;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.ProjectionWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class ArticleProjectionConfig {

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
    ProjectionListener<ArticleEvent> articleProjectionListener(ProjectionWriter<ArticleEvent> writer,
            ArticleProjection projection, MeterRegistry registry) {
        return new ProjectionListener<>(writer, projection, registry, Topics.ARTICLES);
    }
}
