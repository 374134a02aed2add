package io.newsflow.board.post;

import java.util.List;

import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.config.ProjectionConfiguration;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/** The board read model: {@code newsflow.posts.v1} into the {@code posts} collection. */
@Configuration(proxyBeanMethods = false)
class PostProjectionConfiguration extends ProjectionConfiguration<PostEvent> {

    static final String LISTENER_ID = "posts";

    @Override
    protected String topic() {
        return Topics.POSTS;
    }

    @Override
    protected String listenerId() {
        return LISTENER_ID;
    }

    @Override
    protected String readModelName() {
        return "posts";
    }

    /** A board newest number first, authors of a board, and the title search tokens. */
    @Override
    protected List<Index> indexes() {
        return List.of(new Index().on("board", Sort.Direction.ASC).on("number", Sort.Direction.DESC),
                new Index().on("board", Sort.Direction.ASC)
                    .on("author", Sort.Direction.ASC)
                    .on("number", Sort.Direction.DESC),
                new Index().on("tokens", Sort.Direction.ASC));
    }

}
