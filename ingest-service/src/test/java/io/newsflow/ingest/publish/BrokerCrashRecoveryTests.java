package io.newsflow.ingest.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.newsflow.processes.KafkaServerProcess;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.RestartableKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker writes what it acknowledged to disk and notes its recovery point within
 * about a second ({@link KafkaServerProcess#FLUSH_INTERVAL_MS}), so a broker killed with
 * all its records in one open segment recovers from that point, not from the start of the
 * log, and keeps every record it acknowledged.
 */
class BrokerCrashRecoveryTests {

    private static final String TOPIC = "crash.recovery";

    private static final int RECORDS = 2_000;

    @Test
    void acknowledgedRecordsReachTheRecoveryPointAndSurviveAKill(@TempDir Path directory) throws Exception {
        try (RestartableKafka kafka = RestartableKafka.start(directory.resolve("kafka"))) {
            try (Admin admin = Admin
                .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            try (RawTopics topics = new RawTopics(kafka.bootstrapServers())) {
                for (int i = 0; i < RECORDS; i++) {
                    topics.send(TOPIC, "key-" + i, "record " + i);
                }
            }
            // far more than the interval: what is awaited is the point, not its speed
            // (without the flush settings it stays at 0 until a 1 GB segment rolls)
            await().atMost(Duration.ofSeconds(25))
                .until(() -> recoveryPoint(kafka.logDirectory(), TOPIC + " 0") == RECORDS);

            kafka.kill();
            kafka.startAgain();

            List<String> values;
            try (RawTopics topics = new RawTopics(kafka.bootstrapServers())) {
                values = topics.records(TOPIC).stream().map(ConsumerRecord::value).toList();
            }
            assertThat(values).hasSize(RECORDS).startsWith("record 0").endsWith("record 1999");
        }
    }

    /**
     * The offset the broker's recovery-point checkpoint holds for a partition ("topic
     * partition"), -1 if none: the file is a version line, a count, then one "topic
     * partition offset" line each.
     */
    private static long recoveryPoint(Path logDirectory, String partition) throws Exception {
        Path checkpoint = logDirectory.resolve("recovery-point-offset-checkpoint");
        if (!Files.exists(checkpoint)) {
            return -1;
        }
        for (String line : Files.readAllLines(checkpoint)) {
            if (line.startsWith(partition + " ")) {
                return Long.parseLong(line.substring(partition.length() + 1).trim());
            }
        }
        return -1;
    }

}
