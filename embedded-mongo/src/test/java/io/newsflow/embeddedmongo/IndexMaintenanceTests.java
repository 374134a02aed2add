package io.newsflow.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the review of the embedded store found, kept as regressions: a term index reuses
 * the numbers of removed documents, a sorted index serves again once no document holds an
 * array in its keys, and an aggregation answers in batches.
 */
class IndexMaintenanceTests {

    /**
     * Documents that come and go (a queue: 20,000 added, all but the newest 50 removed)
     * leave the index as many numbers as documents, give or take one renumbering's slack,
     * and every lookup still finds exactly the live documents, in the order they came.
     */
    @Test
    void aTermIndexUsesTheNumbersOfRemovedDocumentsAgainAndStillAnswersInOrder() {
        TermIndex<Integer> index = new TermIndex<>("tokens_1", List.of(new IndexKey("tokens", true)));
        int live = 50;
        for (int id = 0; id < 20_000; id++) {
            index.add(document(id), id, null);
            if (id >= live) {
                index.remove(document(id - live));
            }
        }

        assertThat(index.getCount()).isEqualTo(live);
        assertThat(index.numbers()).isLessThanOrEqualTo(live + TermIndex.RENUMBER_AT + 1);
        List<Integer> even = IntStream.range(20_000 - live, 20_000).filter(id -> id % 2 == 0).boxed().toList();
        assertThat(index.holding(List.of("even"), true)).containsExactlyElementsOf(even);
        assertThat(index.holding(List.of("even", "all"), true)).containsExactlyElementsOf(even);
        assertThat(index.holding(List.of("odd", "even"), false)).hasSize(live).isSorted();
        assertThat(index.holding(List.of("gone"), false)).isEmpty();
    }

    /**
     * An index is multikey while a document holds an array in its keys, and no longer.
     */
    @Test
    void aSortedIndexServesAgainOnceNoDocumentHoldsAnArrayInItsKeys() {
        SortedKeyIndex<Integer> index = new SortedKeyIndex<>("board_1_number_-1",
                List.of(new IndexKey("board", true), new IndexKey("number", false)));
        Document scalar = new Document("_id", 1).append("board", "free").append("number", 7);
        Document array = new Document("_id", 2).append("board", List.of("free", "news")).append("number", 8);
        index.add(scalar, 1, null);
        assertThat(index.usable()).isTrue();

        index.add(array, 2, null);
        assertThat(index.usable()).isFalse();
        index.remove(array);
        assertThat(index.usable()).isTrue();

        index.add(array, 2, null);
        index.updateInPlace(array, new Document("_id", 2).append("board", "news").append("number", 8), 2, null);
        assertThat(index.usable()).isTrue();
        assertThat(index.getCount()).isEqualTo(2);
    }

    /**
     * A sorted index filled all at once (a store opening, a rebuild's indexes) holds what
     * one filled document by document holds: the same walks, multikey while a filled
     * document holds an array, and the same after writes that follow the fill.
     */
    @Test
    void aSortedIndexFilledAtOnceHoldsWhatOneFilledByWritesHolds() {
        List<IndexKey> keys = List.of(new IndexKey("board", true), new IndexKey("number", false));
        SortedKeyIndex<Integer> written = new SortedKeyIndex<>("board_1_number_-1", keys);
        SortedKeyIndex<Integer> filled = new SortedKeyIndex<>("board_1_number_-1", keys);
        PlannedIndex.Fill<Integer> fill = filled.fill(null);
        List<Document> stored = new ArrayList<>();
        for (int id = 0; id < 3_000; id++) {
            // stored in an order unlike the index's, as a file holds them
            Document post = new Document("_id", id).append("board", "b" + (id * 7919 % 13))
                .append("number", id * 104_729 % 3_001);
            stored.add(post);
            written.add(post, id, null);
            fill.add(post, id);
        }
        Document array = new Document("_id", 3_000).append("board", List.of("b1", "b2")).append("number", 1);
        written.add(array, 3_000, null);
        fill.add(array, 3_000);
        // a document met twice keeps only its last entry, as a write indexing it again
        // does
        Document again = new Document("_id", 5).append("board", "b0").append("number", 2_999);
        written.add(again, 5, null);
        fill.add(again, 5);
        fill.finish();

        assertThat(filled.usable()).isFalse();
        assertThat(filled.getCount()).isEqualTo(written.getCount());
        filled.remove(array);
        written.remove(array);
        assertThat(filled.usable()).isTrue();
        for (int i = 0; i < 1_000; i++) {
            Document gone = stored.get(i * 3);
            filled.remove(gone);
            written.remove(gone);
            Document moved = new Document("_id", i * 3).append("board", "b" + (i % 13)).append("number", i);
            filled.add(moved, i * 3, null);
            written.add(moved, i * 3, null);
        }
        for (int board = 0; board < 13; board++) {
            Object[] prefix = { "b" + board };
            FilterBounds.Range range = new FilterBounds.Range(100, true, 2_000, false);
            assertThat(filled.walk(prefix, null, false)).containsExactlyElementsOf(written.walk(prefix, null, false))
                .isNotEmpty();
            assertThat(filled.walk(prefix, range, true)).containsExactlyElementsOf(written.walk(prefix, range, true))
                .isNotEmpty();
        }
    }

    /**
     * A {@code $match}-first aggregation answers a first batch of the size asked (101
     * when none is) and the rest through {@code getMore}, as MongoDB does.
     */
    @Test
    void anAggregationAnswersInBatches() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<org.bson.Document> posts = client.getDatabase("batches").getCollection("posts");
            List<org.bson.Document> documents = new ArrayList<>();
            for (int number = 1; number <= 500; number++) {
                documents.add(new org.bson.Document("_id", number).append("board", "free"));
            }
            posts.insertMany(documents);

            org.bson.Document asked = client.getDatabase("batches")
                .runCommand(new org.bson.Document("aggregate", "posts")
                    .append("pipeline",
                            List.of(new org.bson.Document("$match", new org.bson.Document("board", "free"))))
                    .append("cursor", new org.bson.Document("batchSize", 50)));
            org.bson.Document unsized = client.getDatabase("batches")
                .runCommand(new org.bson.Document("aggregate", "posts")
                    .append("pipeline",
                            List.of(new org.bson.Document("$match", new org.bson.Document("board", "free"))))
                    .append("cursor", new org.bson.Document()));

            assertThat(firstBatch(asked)).hasSize(50);
            assertThat(asked.get("cursor", org.bson.Document.class).get("id", Number.class).longValue()).isNotZero();
            assertThat(firstBatch(unsized)).hasSize(MatchFirstAggregation.DEFAULT_BATCH_SIZE);
            List<Object> all = new ArrayList<>();
            posts.aggregate(List.of(Aggregates.match(Filters.eq("board", "free"))))
                .batchSize(50)
                .forEach(document -> all.add(document.get("_id")));
            assertThat(all).hasSize(500).doesNotHaveDuplicates();
        }
    }

    private static List<?> firstBatch(org.bson.Document answer) {
        return answer.get("cursor", org.bson.Document.class).getList("firstBatch", Object.class);
    }

    private static Document document(int id) {
        return new Document("_id", id).append("tokens", List.of("all", id % 2 == 0 ? "even" : "odd"));
    }

}
