package io.newsflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.processes.ChildProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The raw producer baseline: Kafka's own {@code ProducerPerformance} tool, in a JVM of
 * its own, sending 1 KB JSON records with the producer settings ingest uses (acks=all,
 * idempotence, linger 5 ms) to a topic with as many partitions as the newsflow topics.
 */
final class ProducerBaseline {

    static final String TOPIC = "newsflow.bench.raw-producer";

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private ProducerBaseline() {
    }

    /**
     * @return records per second acknowledged by the broker
     */
    static double run(Path home, String bootstrapServers, long records, Path work) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        Path payloads = work.resolve("producer-payloads.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(Workload.article(i));
        }
        Files.write(payloads, lines, StandardCharsets.UTF_8);
        Path log = work.resolve("producer-performance.log");
        Files.deleteIfExists(log);
        ChildProcess.java("ProducerPerformance")
            .arguments("-Xmx256m", "-cp", home.resolve("local-stack/target/lib/*").toString(),
                    "org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC, "--num-records",
                    String.valueOf(records), "--throughput", "-1", "--payload-file", payloads.toString(),
                    "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                    "linger.ms=5")
            .log(log)
            .run(Duration.ofMinutes(30));
        return summary(Files.readString(log));
    }

    /** The records per second of the tool's closing line. */
    static double summary(String output) {
        double rate = -1;
        for (String line : output.split("\n")) {
            Matcher matcher = SUMMARY.matcher(line);
            if (matcher.find()) {
                rate = Double.parseDouble(matcher.group(2));
            }
        }
        if (rate < 0) {
            throw new IllegalStateException("no summary in ProducerPerformance output: " + output);
        }
        return rate;
    }

}
