package io.newsflow.article;

import java.util.List;

import io.newsflow.article.story.Fingerprint;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.config.ProjectionConfiguration;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The article read model: {@code newsflow.articles.v1} into the {@code articles}
 * collection.
 */
@Configuration(proxyBeanMethods = false)
class ArticleProjectionConfiguration extends ProjectionConfiguration<ArticleEvent> {

    static final String LISTENER_ID = "articles";

    @Override
    protected String topic() {
        return Topics.ARTICLES;
    }

    @Override
    protected String listenerId() {
        return LISTENER_ID;
    }

    @Override
    protected String readModelName() {
        return "articles";
    }

    /**
     * Newest first by (publishedAt, id), an outlet's newest first, the search tokens and
     * the story fingerprints' bands: every read's index is listed in ArticleReadApiTests.
     */
    @Override
    protected List<Index> indexes() {
        return List.of(new Index().on("publishedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC),
                new Index().on("outlet", Sort.Direction.ASC)
                    .on("publishedAt", Sort.Direction.DESC)
                    .on("_id", Sort.Direction.DESC),
                new Index().on("tokens", Sort.Direction.ASC), new Index().on("headTokens", Sort.Direction.ASC),
                new Index().on(Fingerprint.BANDS_FIELD, Sort.Direction.ASC));
    }

}
