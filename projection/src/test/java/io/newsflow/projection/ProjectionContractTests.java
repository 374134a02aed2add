package io.newsflow.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule a projection's removal depends on, as {@link Projection#fieldsARemovalLeaves}
 * states it: a field a change writes outside the content fields and the field groups is
 * one a removal would leave in a live tombstone.
 */
class ProjectionContractTests {

    private final Projection<String> projection = new Projection<>() {

        @Override
        public Change change(String event) {
            return null;
        }

        @Override
        public List<String> contentFields() {
            return List.of("title", "tokens");
        }

        @Override
        public List<FieldGroup> fieldGroups() {
            return List.of(new FieldGroup("bodyRevision", List.of("body")));
        }

        @Override
        public Instant acceptedAt(String event) {
            return Instant.EPOCH;
        }

        @Override
        public void validate(String key, String event) {
        }
    };

    @Test
    void fieldsOutsideTheContentFieldsAndTheGroupsAreLeftByARemoval() {
        Change replace = new Change.Replace("p1", 2, "hash", new Document("title", "제목").append("board", "news"),
                Map.of("bodyRevision", new Document("body", "본문").append("bodyHtml", "<p>본문</p>")));

        assertThat(Projection.fieldsARemovalLeaves(this.projection, replace)).containsExactly("board", "bodyHtml");
    }

    @Test
    void aChangeWithinTheClearedFieldsLeavesNothing() {
        Change groups = new Change.Groups("p1", 2, Map.of("bodyRevision", new Document("body", "본문")));

        assertThat(Projection.fieldsARemovalLeaves(this.projection, groups)).isEmpty();
        assertThat(Projection.fieldsARemovalLeaves(this.projection, new Change.Remove("p1", 3))).isEmpty();
    }

}
