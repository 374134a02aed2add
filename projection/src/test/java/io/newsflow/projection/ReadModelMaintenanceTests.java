package io.newsflow.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelMaintenanceTests {

    private static final Instant NOW = Instant.parse("2024-08-01T00:00:00Z");

    private final MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri());

    private final MongoTemplate mongo = new MongoTemplate(this.client, "maintenance-test");

    @AfterEach
    void close() {
        this.mongo.getDb().drop();
        this.client.close();
    }

    @Test
    void purgesOnlyTombstonesPastTheirRetention() {
        ReadModel model = new ReadModel(this.mongo, "things", List.of());
        this.mongo.insert(tombstone("expired", NOW.minus(Duration.ofDays(31))), "things");
        this.mongo.insert(tombstone("recent", NOW.minus(Duration.ofDays(29))), "things");
        this.mongo.insert(new Document("_id", "live").append("revision", 1L).append("removed", false), "things");
        ReadModelMaintenance maintenance = new ReadModelMaintenance(List.of(model), this.mongo,
                new ProjectionProperties(Duration.ofDays(30), Duration.ofHours(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(10), ""),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(maintenance.purgeTombstones()).isEqualTo(1);
        assertThat(this.mongo.findAll(Document.class, "things")).extracting(d -> d.getString("_id"))
            .containsExactlyInAnyOrder("recent", "live");
    }

    @Test
    void followsASwitchMadeByAnotherInstance() {
        ReadModel here = new ReadModel(this.mongo, "things", List.of());
        ReadModel elsewhere = new ReadModel(this.mongo, "things", List.of());

        elsewhere.switchTo("things_20240801000000");
        here.refresh();

        assertThat(here.collection()).isEqualTo("things_20240801000000");
        assertThat(new ReadModel(this.mongo, "things", List.of()).collection()).isEqualTo("things_20240801000000");
    }

    private static Document tombstone(String id, Instant removedAt) {
        return new Document("_id", id).append("revision", 2L)
            .append("removed", true)
            .append("removedAt", Date.from(removedAt));
    }

}
