package io.newsflow.board.post;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.PostEvent;
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
class PostProjectionConfig {

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
    ProjectionListener<PostEvent> postProjectionListener(ProjectionWriter<PostEvent> writer,
            PostProjection projection, MeterRegistry registry) {
        return new ProjectionListener<>(writer, projection, registry, Topics.POSTS);
    }
}
