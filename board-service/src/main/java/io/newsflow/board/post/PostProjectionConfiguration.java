package io.newsflow.board.post;

import java.util.List;

import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionWriter;
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

    /**
     * A board newest number first, authors of a board, and the title search tokens. The
     * listings' indexes end with the fields that tell a live post apart, so a listing's
     * count of a board (or of an author on it) is answered from the index alone, not from
     * each of its posts.
     */
    @Override
    protected List<Index> indexes() {
        return List.of(live(new Index().on("board", Sort.Direction.ASC).on("number", Sort.Direction.DESC)),
                live(new Index().on("board", Sort.Direction.ASC)
                    .on("author", Sort.Direction.ASC)
                    .on("number", Sort.Direction.DESC)),
                new Index().on("tokens", Sort.Direction.ASC));
    }

    /** The listings' indexes before they held the fields of a live post. */
    @Override
    protected List<Index> retiredIndexes() {
        return List.of(new Index().on("board", Sort.Direction.ASC).on("number", Sort.Direction.DESC),
                new Index().on("board", Sort.Direction.ASC)
                    .on("author", Sort.Direction.ASC)
                    .on("number", Sort.Direction.DESC));
    }

    private static Index live(Index listing) {
        return listing.on(ProjectionWriter.REMOVED, Sort.Direction.ASC)
            .on(ProjectionWriter.REVISION, Sort.Direction.ASC);
    }

}
