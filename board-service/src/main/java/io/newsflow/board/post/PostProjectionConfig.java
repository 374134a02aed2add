package io.newsflow.board.post;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ProjectionWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class PostProjectionConfig {

    static final String COLLECTION = "posts";

    @Bean
    ProjectionWriter<PostEvent> postWriter(MongoTemplate mongo, PostProjection projection, Clock clock) {
        return new ProjectionWriter<>(mongo, COLLECTION, projection, clock);
    }

    @Bean
    ProjectionListener<PostEvent> postProjectionListener(ProjectionWriter<PostEvent> writer,
            PostProjection projection, MeterRegistry registry) {
        return new ProjectionListener<>(writer, projection, registry, Topics.POSTS);
    }
}
