package io.newsflow.projection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's result does not depend on the order of the changes, nor on how they are
 * cut into batches: the property that makes a rebuild from a compacted topic (where the
 * keys of one entity sit on different partitions and only each key's newest record is
 * left) equal to the live model. Random histories of replacements, removals and
 * field-group writes are applied once in order, one by one, and again shuffled in random
 * batches; every document must come out the same.
 */
class ProjectionWriterOrderTests {

    private static final FieldGroupFixture BODY = new FieldGroupFixture("bodyRevision", "body");

    private final MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri());

    private final MongoTemplate mongo = new MongoTemplate(this.client, "writer-order-test");

    @AfterEach
    void close() {
        this.mongo.getDb().drop();
        this.client.close();
    }

    @Test
    void anyOrderAndAnyBatchingOfTheSameChangesGivesTheSameDocuments() {
        Random random = new Random(20241127);
        for (int history = 0; history < 25; history++) {
            List<Change> changes = history(random, 6, 30);
            // the reference: one change per write, so no reduction within a batch is
            // involved
            Map<String, Document> inOrder = apply("in_order_" + history, changes,
                    Collections.nCopies(changes.size(), 1));
            List<Change> shuffled = new ArrayList<>(changes);
            Collections.shuffle(shuffled, random);
            Map<String, Document> anyOrder = apply("shuffled_" + history, shuffled, batches(random, shuffled.size()));
            assertThat(anyOrder).as("history %d: %s", history, changes).isEqualTo(inOrder);
        }
    }

    /**
     * Changes of {@code ids} entities with distinct revisions: replacements, removals,
     * body writes and clears.
     */
    private static List<Change> history(Random random, int ids, int length) {
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i <= length; i++) {
            String id = "e" + random.nextInt(ids);
            long revision = i;
            switch (random.nextInt(5)) {
                case 0 -> changes.add(new Change.Remove(id, revision));
                case 1 -> changes.add(new Change.Groups(id, revision,
                        Map.of(BODY.revisionField(), new Document(BODY.field(), "본문 " + i))));
                case 2 -> changes.add(new Change.Groups(id, revision,
                        Map.of(BODY.revisionField(), new Document(BODY.field(), null))));
                default -> changes.add(new Change.Replace(id, revision, "hash-" + i,
                        new Document("title", "제목 " + i).append("author", random.nextBoolean() ? null : "글쓴이 " + i)));
            }
        }
        return changes;
    }

    private static List<Integer> batches(Random random, int size) {
        List<Integer> batches = new ArrayList<>();
        int left = size;
        while (left > 0) {
            int batch = 1 + random.nextInt(Math.min(left, 7));
            batches.add(batch);
            left -= batch;
        }
        return batches;
    }

    private Map<String, Document> apply(String collection, List<Change> changes, List<Integer> batches) {
        ReadModel model = new ReadModel(this.mongo, collection, List.of());
        ProjectionWriter<Change> writer = new ProjectionWriter<>(this.mongo, model, new ChangeProjection(),
                Clock.fixed(Instant.parse("2024-08-01T00:00:00Z"), ZoneOffset.UTC));
        int next = 0;
        for (int batch : batches) {
            writer.write(changes.subList(next, next + batch));
            next += batch;
        }
        Map<String, Document> documents = new TreeMap<>();
        for (Document document : this.mongo.findAll(Document.class, collection)) {
            document.remove(ProjectionWriter.APPLIED_AT);
            document.remove(ProjectionWriter.REMOVED_AT);
            documents.put(document.getString("_id"), document);
        }
        return documents;
    }

    private record FieldGroupFixture(String revisionField, String field) {
    }

    /** Events that are their changes. */
    private static final class ChangeProjection implements Projection<Change> {

        @Override
        public Change change(Change event) {
            return event;
        }

        @Override
        public List<String> contentFields() {
            return List.of("title", "author");
        }

        @Override
        public List<FieldGroup> fieldGroups() {
            return List.of(new FieldGroup(BODY.revisionField(), List.of(BODY.field())));
        }

        @Override
        public Instant acceptedAt(Change event) {
            return Instant.EPOCH;
        }

        @Override
        public void validate(String key, Change event) {
        }

    }

}
