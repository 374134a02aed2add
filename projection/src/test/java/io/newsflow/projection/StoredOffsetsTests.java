package io.newsflow.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.RawTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a read model resumes when its partitions are assigned, with a real broker and
 * store: at the position its store holds; from the group's committed offsets when the
 * store holds documents but no position (a store from before stored positions); and from
 * the start of the topic when the store holds nothing at all, however far the group had
 * committed (a new or emptied database, or an in-memory store after a restart).
 */
class StoredOffsetsTests {

    private final MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri());

    private final MongoTemplate mongo = new MongoTemplate(this.client, "stored-offsets-" + UUID.randomUUID());

    private final String topic = "stored-offsets-" + UUID.randomUUID();

    private final String group = "stored-offsets-" + UUID.randomUUID();

    private final ReadModel model = new ReadModel(this.mongo, "things", List.of());

    private final StoredOffsets offsets = new StoredOffsets(this.mongo, this.model, "things", this.topic);

    @BeforeEach
    void fiveRecordsTheGroupHasCommittedPast() {
        for (int i = 0; i < 5; i++) {
            RawTopics.shared().send(this.topic, "t" + i, "{\"n\":" + i + "}");
        }
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(this.topic));
            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < 5 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            assertThat(read).hasSize(5);
            consumer.commitSync();
        }
    }

    @AfterEach
    void dropTheStore() {
        this.mongo.getDb().drop();
        this.client.close();
    }

    @Test
    void aStoreThatHoldsNothingIsFilledFromTheStartOfTheTopic() {
        assertThat(keysReadOnAssignment()).containsExactly("t0", "t1", "t2", "t3", "t4");
    }

    @Test
    void aStoreWithDocumentsButNoPositionKeepsTheGroupsCommittedOffsets() {
        this.mongo.insert(new Document("_id", "t0").append("revision", 1L), this.model.collection());

        assertThat(keysReadOnAssignment()).isEmpty();
    }

    @Test
    void thePositionTheStoreHoldsWinsOverTheGroupsOffsets() {
        this.mongo.insert(new Document("_id", "t0").append("revision", 1L), this.model.collection());
        this.offsets.store(Map.of(RawTopics.DEFAULT_PARTITION, 3L));

        assertThat(keysReadOnAssignment()).containsExactly("t3", "t4");
    }

    /** What a consumer of the group reads once StoredOffsets placed it. */
    private List<String> keysReadOnAssignment() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(this.topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> gone) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> mine) {
                    StoredOffsetsTests.this.offsets.onPartitionsAssigned(consumer, mine);
                }
            });
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, this.group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

}
