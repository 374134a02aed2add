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
