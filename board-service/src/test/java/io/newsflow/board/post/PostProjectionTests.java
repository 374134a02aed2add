package io.newsflow.board.post;

import java.io.IOException;
import java.io.InputStream;

import io.newsflow.contracts.PostEvent;
import io.newsflow.projection.Projection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A removal leaves the same tombstone whichever way the writer takes (a new document, or
 * an update of the stored one): the update clears the projection's content fields and its
 * field groups, so everything a change of the saved sample events writes must be one of
 * them. A field missing from the list survived in the live tombstone and not in a rebuilt
 * one (found by RebuildAfterCompactionTests: a tombstone kept its board and number).
 */
class PostProjectionTests {

    private final PostProjection projection = new PostProjection();

    @ParameterizedTest
    @ValueSource(strings = { "post-listed.json", "post-published.json", "post-body-published.json" })
    void everyFieldAnEventWritesIsClearedByARemoval(String sample) throws IOException {
        assertThat(Projection.fieldsARemovalLeaves(this.projection, this.projection.change(read(sample)))).isEmpty();
    }

    private static PostEvent read(String sample) throws IOException {
        try (InputStream in = PostProjectionTests.class.getResourceAsStream("/samples/" + sample)) {
            return JsonMapper.builder().build().readValue(in, PostEvent.class);
        }
    }

}
