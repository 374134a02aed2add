package io.newsflow.article.article;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ProjectionWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class ArticleProjectionConfig {

    static final String COLLECTION = "articles";

    @Bean
    ProjectionWriter<ArticleEvent> articleWriter(MongoTemplate mongo, ArticleProjection projection, Clock clock) {
        return new ProjectionWriter<>(mongo, COLLECTION, projection, clock);
    }

    @Bean
    ProjectionListener<ArticleEvent> articleProjectionListener(ProjectionWriter<ArticleEvent> writer,
            ArticleProjection projection, MeterRegistry registry) {
        return new ProjectionListener<>(writer, projection, registry, Topics.ARTICLES);
    }
}
