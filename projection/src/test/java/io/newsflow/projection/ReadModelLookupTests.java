package io.newsflow.projection;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.projection.read.NotFoundException;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A lookup by id that leaves out fields no read shows still answers only live entities:
 * the fields that tell a tombstone or a lone field group apart are always read.
 */
class ReadModelLookupTests {

    private static final List<String> SEARCH_FIELDS = List.of("tokens", "fingerprint");

    private final MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri());

    private final MongoTemplate mongo = new MongoTemplate(this.client, "lookup-test");

    private final ReadModel model = new ReadModel(this.mongo, "things", List.of());

    @AfterEach
    void close() {
        this.mongo.getDb().drop();
        this.client.close();
    }

    @Test
    void aLookupLeavesOutTheOmittedFieldsAndKeepsTheRest() {
        this.mongo.insert(thing("live", 3L, false), "things");

        Document found = this.model.find("live", SEARCH_FIELDS);

        assertThat(found).containsEntry("title", "오늘의 소식")
            .containsEntry("revision", 3L)
            .doesNotContainKeys("tokens", "fingerprint");
        assertThat(this.model.find("live")).containsKeys("tokens", "fingerprint");
    }

    @Test
    void tombstonesAndLoneFieldGroupsStayUnfoundWhenFieldsAreOmitted() {
        this.mongo.insert(thing("removed", 4L, true), "things");
        this.mongo.insert(thing("body-only", 0L, false), "things");

        assertThat(this.model.find("removed", SEARCH_FIELDS)).isNull();
        assertThat(this.model.find("body-only", SEARCH_FIELDS)).isNull();
        assertThat(this.model.find("never-stored", SEARCH_FIELDS)).isNull();
        assertThatExceptionOfType(NotFoundException.class)
            .isThrownBy(() -> this.model.get("removed", SEARCH_FIELDS, () -> "No thing removed"))
            .withMessage("No thing removed");
    }

    @Test
    void aLookupReadsTheCollectionSwitchedTo() {
        this.mongo.insert(thing("moved", 1L, false), "things_20240801000000");

        this.model.switchTo("things_20240801000000");

        assertThat(this.model.get("moved", SEARCH_FIELDS, () -> "none")).containsEntry("_id", "moved");
    }

    @Test
    void theFieldsThatTellALiveEntityApartCannotBeOmitted() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.model.find("live", List.of("tokens", ProjectionWriter.REMOVED)));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.model.find("live", List.of(ProjectionWriter.REVISION)));
    }

    private static Document thing(String id, long revision, boolean removed) {
        return new Document("_id", id).append("title", "오늘의 소식")
            .append("revision", revision)
            .append("removed", removed)
            .append("tokens", List.of("오늘", "소식"))
            .append("fingerprint", new Document("bits", 42L));
    }

}
