package io.newsflow.embeddedmongo;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a plan leaves for the matcher: a term index's {@code $in} or {@code $eq} of
 * strings is not checked again where it stands as a condition of its own, and anything
 * more in its clause is. That the answers stay those of a scan is IndexedQueriesTests' to
 * show; this shows the check is skipped, which is what a story candidate query (an
 * {@code $in} of 32 band keys) spent most of its time on.
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

}
