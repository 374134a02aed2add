package io.newsflow.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Collation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A read model creates its indexes in one command, through the driver's models: what an
 * index definition says reaches the model, and an option the model does not carry is
 * refused, never dropped. An index a service replaced is dropped once its replacement
 * exists, and no other.
 */
class ReadModelIndexTests {

    @Test
    void keysAndOptionsOfADefinitionReachTheDriversModel() {
        IndexModel model = ReadModel.model(new Index().on("board", Sort.Direction.ASC)
            .on("number", Sort.Direction.DESC)
            .named("board_number")
            .unique()
            .sparse()
            .expire(30, TimeUnit.DAYS));

        assertThat(model.getKeys()).isEqualTo(new Document("board", 1).append("number", -1));
        assertThat(model.getOptions().getName()).isEqualTo("board_number");
        assertThat(model.getOptions().isUnique()).isTrue();
        assertThat(model.getOptions().isSparse()).isTrue();
        assertThat(model.getOptions().getExpireAfter(TimeUnit.DAYS)).isEqualTo(30);
    }

    @Test
    void aRetiredIndexIsDroppedOnceItsReplacementExistsAndNoOtherIs() {
        try (MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri())) {
            MongoTemplate mongo = new MongoTemplate(client, "index-test");
            try {
                MongoCollection<Document> things = mongo.getCollection("things");
                // as an earlier version left it, beside an index an operator added
                things.createIndex(new Document("board", 1).append("number", -1));
                things.createIndex(new Document("author", 1), new IndexOptions().name("operators-own"));
                Index listing = new Index().on("board", Sort.Direction.ASC).on("number", Sort.Direction.DESC);
                Index live = new Index().on("board", Sort.Direction.ASC)
                    .on("number", Sort.Direction.DESC)
                    .on("removed", Sort.Direction.ASC);
                ReadModel model = new ReadModel(mongo, "things", List.of(live), List.of(listing));

                model.ensureIndexes("things");
                model.ensureIndexes("things");

                assertThat(things.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("_id_", "operators-own", "board_1_number_-1_removed_1");
            }
            finally {
                mongo.getDb().drop();
            }
        }
    }

    @Test
    void keysAreTheSameByFieldsOrderAndDirectionWhateverTheNumbersType() {
        Document keys = new Document("board", 1).append("number", -1);
        assertThat(ReadModel.sameKeys(keys, new Document("board", 1.0).append("number", -1L))).isTrue();
        assertThat(ReadModel.sameKeys(keys, new Document("number", -1).append("board", 1))).isFalse();
        assertThat(ReadModel.sameKeys(keys, new Document("board", 1).append("number", 1))).isFalse();
        assertThat(ReadModel.sameKeys(keys, new Document("board", 1))).isFalse();
        assertThat(ReadModel.sameKeys(new Document("title", "text"), new Document("title", "text"))).isFalse();
    }

    @Test
    void anOptionTheModelDoesNotCarryIsRefused() {
        Index korean = new Index().on("title", Sort.Direction.ASC).collation(Collation.of("ko"));

        assertThatIllegalArgumentException().isThrownBy(() -> ReadModel.model(korean))
            .withMessageContaining("collation");
    }

}
