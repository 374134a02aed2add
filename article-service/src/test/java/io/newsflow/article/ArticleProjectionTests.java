package io.newsflow.article;

import java.io.IOException;
import java.io.InputStream;

import io.newsflow.contracts.ArticleEvent;
import io.newsflow.projection.Projection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A removal leaves the same tombstone whichever way the writer takes (a new document, or
 * an update of the stored one): the update clears the projection's content fields and its
 * field groups, so everything a change of the saved sample events writes must be one of
 * them: a field missing from the list would survive in a live tombstone and not in a
 * rebuilt one.
 */
class ArticleProjectionTests {

    private final ArticleProjection projection = new ArticleProjection();

    @ParameterizedTest
    @ValueSource(strings = { "article-published.json" })
    void everyFieldAnEventWritesIsClearedByARemoval(String sample) throws IOException {
        assertThat(Projection.fieldsARemovalLeaves(this.projection, this.projection.change(read(sample)))).isEmpty();
    }

    private static ArticleEvent read(String sample) throws IOException {
        try (InputStream in = ArticleProjectionTests.class.getResourceAsStream("/samples/" + sample)) {
            return JsonMapper.builder().build().readValue(in, ArticleEvent.class);
        }
    }

}
