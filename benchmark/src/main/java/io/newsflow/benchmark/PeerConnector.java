package io.newsflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.newsflow.processes.ChildProcess;
import io.newsflow.processes.Ports;
import io.newsflow.processes.Readiness;
import org.bson.Document;

/**
 * The peer: the MongoDB Kafka sink connector (mongo-kafka-connect 2.0.1) in Kafka Connect
 * standalone, a JVM of its own, reading the article topic into the stack's MongoDB server
 * (a database of its own) with its default write model and one task per partition. It
 * stores each record's value as it is: no search tokens, no version guard.
 */
final class PeerConnector {

    static final String DATABASE = "newsflow_bench_peer";

    private static final String NAME = "newsflow-bench-peer";

    private static final Duration RUNNING_WITHIN = Duration.ofMinutes(2);

    private static final Duration DONE_WITHIN = Duration.ofMinutes(30);

    /**
     * @param perSecond records stored per second, from its task running to the last
     * record stored
     * @param cpu the leg's CPU: the connector's JVM and the stack's processes (the store)
     */
    record Result(double perSecond, double seconds, CpuUse cpu) {
    }

    private PeerConnector() {
    }

    /**
     * Runs the connector until its collection holds {@code records} documents, then stops
     * it and drops its database.
     */
    static Result run(Path home, Path work, StackUnderTest stack, String topic, int partitions, long records,
            Timeline timeline, HttpClient http) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(work.resolve("connect"));
        int restPort = Ports.free();
        Path worker = directory.resolve("worker.properties");
        Files.writeString(worker, String.join("\n", "bootstrap.servers=" + stack.kafkaBootstrapServers(),
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable=false",
                "offset.storage.file.filename=" + directory.resolve("connect.offsets"),
                "plugin.path=" + home.resolve("benchmark/target/connect-plugins"),
                "listeners=http://127.0.0.1:" + restPort, ""));
        Path sink = directory.resolve("mongo-sink.properties");
        Files.writeString(sink,
                String.join("\n", "name=" + NAME, "connector.class=com.mongodb.kafka.connect.MongoSinkConnector",
                        "tasks.max=" + partitions, "topics=" + topic, "connection.uri=" + stack.mongoUri(),
                        "database=" + DATABASE, "collection=articles", ""));
        Path log4j = directory.resolve("log4j2.properties");
        Files.writeString(log4j,
                String.join("\n", "rootLogger.level=INFO", "rootLogger.appenderRef.out.ref=out",
                        "appender.out.type=Console", "appender.out.name=out", "appender.out.layout.type=PatternLayout",
                        "appender.out.layout.pattern=%d %-5p %c{1} - %m%n", ""));
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoCollection<Document> stored = client.getDatabase(DATABASE).getCollection("articles");
            ChildProcess connect = ChildProcess.java("kafka-connect")
                .arguments("-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j, "-cp",
                        home.resolve("benchmark/target/lib/*").toString(),
                        "org.apache.kafka.connect.cli.ConnectStandalone", worker.toString(), sink.toString())
                .log(work.resolve("kafka-connect.log"))
                .start();
            try {
                String status = "http://127.0.0.1:" + restPort + "/connectors/" + NAME + "/status";
                Readiness.await("the sink connector", RUNNING_WITHIN, connect,
                        () -> tasksRunning(http, status, partitions));
                StackUnderTest.StackProcess process = new StackUnderTest.StackProcess("connector", connect.pid());
                Map<String, Double> cpuBefore = cpu(stack, process);
                timeline.leg("peer: MongoDB sink connector",
                        Map.of("connector stored", stored::estimatedDocumentCount));
                long started = System.nanoTime();
                long deadline = started + DONE_WITHIN.toNanos();
                while (stored.estimatedDocumentCount() < records) {
                    if (!connect.isAlive()) {
                        throw new IllegalStateException("Kafka Connect exited; see " + connect.log());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the connector did not store " + records + " records within "
                                + DONE_WITHIN + "; see " + connect.log());
                    }
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                CpuUse cpu = CpuUse.between("peer connector", cpuBefore, cpu(stack, process), records);
                return new Result(records / seconds, seconds, cpu);
            }
            finally {
                connect.stop();
                client.getDatabase(DATABASE).drop();
            }
        }
    }

    private static Map<String, Double> cpu(StackUnderTest stack, StackUnderTest.StackProcess connector) {
        Map<String, Double> cpu = stack.cpuSeconds();
        cpu.put("connector", connector.cpuSeconds());
        return cpu;
    }

    /** Whether the connector and each of its tasks report RUNNING. */
    private static boolean tasksRunning(HttpClient http, String statusUrl, int tasks) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(statusUrl)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            String body = response.body();
            return body.split("\"state\":\"RUNNING\"", -1).length - 1 == tasks + 1;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
