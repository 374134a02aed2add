package io.newsflow.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.Figures;
import io.newsflow.testsupport.RawTopics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability scenario 3: undeserialisable and invalid records mixed into valid ones.
 * Every poison record ends in the dead-letter topic, every valid one is stored, and no
 * partition stands still for long. {@code ./mvnw verify} runs it at a tenth of the full
 * size (-Dnewsflow.reliability.scale=1.0 for 20,000 valid and 1,000 poison records).
 */
class PoisonRecordsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int PARTITIONS = 3;

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndEveryValidRecordIsStored() throws Exception {
        double scale = Double.parseDouble(System.getProperty("newsflow.reliability.scale", "0.1"));
        int valid = (int) (20_000 * scale);
        int poison = (int) (1_000 * scale);
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        String board = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> poisonKeys = new HashSet<>();
        Instant started = Instant.now();

        try (KafkaProducer<String, String> producer = producer()) {
            int every = valid / poison;
            long number = 0;
            for (int i = 0; i < valid + poison; i++) {
                number++;
                String key = board + ":" + number;
                int partition = (int) (number % PARTITIONS);
                String value;
                if (i % (every + 1) == every) {
                    poisonKeys.add(key);
                    value = poisonKeys.size() % 2 == 0 ? "{\"type\":\"PostListed\",\"board\":" + number
                            : listed(board, number + 1_000_000, "키와 다른 글");
                }
                else {
                    value = listed(board, number, "정상 글 " + number);
                }
                producer.send(new ProducerRecord<>(Topics.POSTS, partition, key, value));
            }
            producer.flush();
        }

        int expectedValid = valid + poison - poisonKeys.size();
        await().atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> stored(system, board) == expectedValid);
        Duration drained = Duration.between(started, Instant.now());
        Set<String> deadKeys = deadLetterKeys(board, poisonKeys.size());
        Duration longestStall = longestStall(board);

        Figures.print("poison-records: valid=" + expectedValid + " stored=" + stored(system, board) + " poison="
                + poisonKeys.size() + " deadLettered=" + deadKeys.size() + " drainedMs=" + drained.toMillis()
                + " longestPartitionStallMs=" + longestStall.toMillis() + " " + bulkWrites(system));
        assertThat(deadKeys).containsExactlyInAnyOrderElementsOf(poisonKeys);
    }

    /** The board consumer's bulk writes so far: how many, their mean and longest time. */
    private static String bulkWrites(NewsflowSystem system) {
        double count = 0;
        double sum = 0;
        double max = 0;
        for (String line : system.prometheus().split("\n")) {
            if (!line.contains("topic=\"" + Topics.POSTS + "\"")) {
                continue;
            }
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (line.startsWith("newsflow_projection_bulk_write_seconds_count")) {
                count += value;
            }
            else if (line.startsWith("newsflow_projection_bulk_write_seconds_sum")) {
                sum += value;
            }
            else if (line.startsWith("newsflow_projection_bulk_write_seconds_max")) {
                max = Math.max(max, value);
            }
        }
        return String.format("bulkWrites=%d meanMs=%.0f maxMs=%.0f", (long) count, count == 0 ? 0 : sum / count * 1000,
                max * 1000);
    }

    private static long stored(NewsflowSystem system, String board) {
        var response = system.getBoards("/api/v1/boards/" + board + "/posts?size=1");
        return response.statusCode() == 200 ? JSON.readTree(response.body()).get("totalElements").asLong() : 0;
    }

    private static Set<String> deadLetterKeys(String board, int expected) {
        Set<String> keys = new HashSet<>();
        try (RawTopics topics = new RawTopics(EmbeddedInfrastructure.shared());
                KafkaConsumer<String, String> dlt = topics.reader(Topics.deadLetter(Topics.POSTS))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                RawTopics.poll(dlt, Duration.ofMillis(500))
                    .stream()
                    .map(r -> r.key())
                    .filter(key -> key != null && key.startsWith(board + ":"))
                    .forEach(keys::add);
                return keys.size() >= expected;
            });
        }
        return keys;
    }

    /**
     * Per partition, the longest gap between two consecutive records being stored, while
     * it had a backlog.
     */
    private static Duration longestStall(String board) {
        long longest = 0;
        try (MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri())) {
            var posts = client.getDatabase("boards").getCollection("posts");
            for (int partition = 0; partition < PARTITIONS; partition++) {
                List<Long> applied = new ArrayList<>();
                for (Document post : posts.find(Filters.eq("board", board)).sort(Sorts.ascending("number"))) {
                    if (post.get("number", Number.class).longValue() % PARTITIONS == partition) {
                        applied.add(post.get("appliedAt", Date.class).getTime());
                    }
                }
                for (int i = 1; i < applied.size(); i++) {
                    longest = Math.max(longest, applied.get(i) - applied.get(i - 1));
                }
            }
        }
        return Duration.ofMillis(longest);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.shared().kafkaBootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    private static String listed(String board, long number, String title) {
        return JSON.writeValueAsString(new PostListed(UUID.randomUUID().toString(), Instant.now(), 1, board, number, 1,
                "hash-" + number, title, "작성자", Instant.parse("2024-07-23T15:00:00Z"), 0, null));
    }

}
