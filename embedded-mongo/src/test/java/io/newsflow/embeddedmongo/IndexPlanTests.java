package io.newsflow.embeddedmongo;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a plan leaves for the matcher: a term index's {@code $in} or {@code $eq} of
 * strings is not checked again where it stands as a condition of its own, and anything
 * more in its clause is. That the answers stay those of a scan is IndexedQueriesTests' to
 * show; this shows the check is skipped, which is what a story candidate query (an
 * {@code $in} of 32 band keys) spent most of its time on. And which counts are answered
 * from an index's keys alone, reading no document: the board listing's is.
 */
class IndexPlanTests {

    private static final List<Object> BANDS = List.of("00:a1", "01:b2");

    private static final IndexPlan.TermCondition IN_BANDS = IndexPlan.TermCondition.of("bands", "$in", BANDS);

    @Test
    void theTermIndexsClauseIsLeftOutOfTheFilterBesideTheOthers() {
        Document query = new Document("bands", new Document("$in", BANDS)).append("publishedAt",
                new Document("$gte", 1));
        assertThat(IN_BANDS.without(query)).isEqualTo(new Document("publishedAt", new Document("$gte", 1)));
        assertThat(query).as("the query itself").containsKey("bands");
        Document parts = new Document("$and", List.of(new Document("publishedAt", new Document("$gte", 1)),
                new Document("bands", new Document("$in", BANDS))));
        assertThat(IN_BANDS.without(parts))
            .isEqualTo(new Document("$and", List.of(new Document("publishedAt", new Document("$gte", 1)))));
        assertThat(IN_BANDS.without(new Document("$and", List.of(new Document("bands", new Document("$in", BANDS))))))
            .isEmpty();
        IndexPlan.TermCondition board = IndexPlan.TermCondition.of("board", "$eq", List.of("free"));
        assertThat(board.without(new Document("board", "free").append("number", 3)))
            .isEqualTo(new Document("number", 3));
        assertThat(board.without(new Document("board", new Document("$eq", "free")))).isEmpty();
    }

    @Test
    void aClauseThatAsksMoreOrOtherThanTheIndexAnsweredStays() {
        for (Document query : List.of(
                new Document("bands", new Document("$in", BANDS).append("$nin", List.of("00:a1"))),
                new Document("bands", new Document("$in", List.of("00:a1"))), new Document("bands", "00:a1"),
                new Document("$or", List.of(new Document("bands", new Document("$in", BANDS)))),
                new Document("$and", List.of(new Document("bands", new Document("$in", BANDS)).append("x", 1))))) {
            assertThat(IN_BANDS.without(query)).as("%s", query).isEqualTo(query);
        }
    }

    @Test
    void onlyStringsOfATopLevelFieldAndNoAllAreAnsweredExactly() {
        assertThat(IndexPlan.TermCondition.of("bands", "$in", List.of("00:a1", 7))).isNull();
        assertThat(IndexPlan.TermCondition.of("author.name", "$eq", List.of("kim"))).isNull();
        assertThat(IndexPlan.TermCondition.of("tokens", "$all", List.of("서울"))).isNull();
        assertThat(IndexPlan.TermCondition.of("tokens", "$in", List.of())).isNull();
    }

    private static final Document LIVE_ON_FREE = new Document("removed", new Document("$ne", true))
        .append("revision", new Document("$gt", 0))
        .append("board", "free");

    @Test
    void theListingsCountIsAnsweredFromTheKeysOfAnIndexHoldingEveryFieldItReads() {
        SortedKeyIndex<Integer> listing = index("board", "number", "removed", "revision");
        listing.add(new Document("_id", "free:1").append("board", "free")
            .append("number", 1)
            .append("revision", 2)
            .append("removed", false)
            .append("body", "본문"), 1, null);
        // a field group's document: no removed field, which the keys leave out too
        listing.add(new Document("_id", "free:2").append("board", "free").append("number", 2).append("revision", 0), 2,
                null);
        listing.add(new Document("_id", "ask:1").append("board", "ask").append("number", 1).append("revision", 1), 3,
                null);

        Iterable<Document> keys = IndexPlan.covering(List.of(listing), LIVE_ON_FREE);

        assertThat(keys).as("the board's keys, under its equality prefix, in index order")
            .containsExactly(new Document("board", "free").append("number", 2).append("revision", 0),
                    new Document("board", "free").append("number", 1).append("removed", false).append("revision", 2));
    }

    @Test
    void aCountReadingAFieldOutsideTheKeysOrAnIndexHoldingAnArrayReadsTheDocuments() {
        SortedKeyIndex<Integer> listing = index("board", "number", "removed", "revision");
        assertThat(IndexPlan.covering(List.of(index("board", "number")), LIVE_ON_FREE)).as("no removed, revision")
            .isNull();
        for (Document query : List.of(new Document(LIVE_ON_FREE).append("author", "kim"),
                new Document("$or", List.of(new Document("board", "free"), new Document("title", "t"))),
                new Document(LIVE_ON_FREE).append("$expr", new Document("$gt", List.of("$number", 3))),
                new Document("board.name", "free"))) {
            assertThat(IndexPlan.covering(List.of(listing), query)).as("%s", query).isNull();
        }
        assertThat(IndexPlan.covering(List.of(index("board", "meta.number")), new Document("board", "free")))
            .as("a key that is a path into a subdocument")
            .isNull();
        listing.add(new Document("_id", "x").append("board", List.of("free", "ask")).append("number", 1), 9, null);
        assertThat(IndexPlan.covering(List.of(listing), LIVE_ON_FREE)).as("multikey").isNull();
        assertThat(IndexPlan.covering(List.of(listing, index("board", "revision", "removed")), LIVE_ON_FREE))
            .as("another index that holds them")
            .isNotNull();
    }

    private static SortedKeyIndex<Integer> index(String... fields) {
        List<IndexKey> keys = new ArrayList<>();
        for (String field : fields) {
            keys.add(new IndexKey(field, !field.equals("number")));
        }
        return new SortedKeyIndex<>(String.join("_", fields), keys);
    }

}
