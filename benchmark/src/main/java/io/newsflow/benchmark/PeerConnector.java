package io.newsflow.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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
 * (a database of its own) with one task per partition, as one of two {@link Setup}s: the
 * plain connector (default write model, each record's value stored as it is: no search
 * tokens, no version guard), kept as a reference, and the like-for-like one
 * ({@code peer-connector}: the documents article-service stores, with the same Nori
 * tokens and story fingerprint, and a write model that keeps the newer revision).
 */
final class PeerConnector {

    /**
     * How the connector is set up: its plugin directory and the settings beyond name,
     * tasks, topic and target.
     */
    enum Setup {

        /** The connector's defaults. */
        PLAIN("plain", "benchmark/target/connect-plugins", null),

        /**
         * peer-connector's plug-ins with the settings of its like-for-like.properties.
         */
        LIKE_FOR_LIKE("like-for-like", "peer-connector/target/connect-plugins",
                "peer-connector/like-for-like.properties");

        private final String id;

        private final String pluginPath;

        private final String settings;

        Setup(String id, String pluginPath, String settings) {
            this.id = id;
            this.pluginPath = pluginPath;
            this.settings = settings;
        }

        String database() {
            return "newsflow_bench_peer_" + this.id.replace('-', '_');
        }

        String connectorName() {
            return "newsflow-bench-peer-" + this.id;
        }

        Path pluginPath(Path home) {
            Path path = home.resolve(this.pluginPath);
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException(path + " is missing: build the project first (./mvnw package)");
            }
            return path;
        }

        /** The sink's settings of this setup, without name, tasks, topic and target. */
        List<String> settings(Path home) throws IOException {
            if (this.settings == null) {
                return List.of("connector.class=com.mongodb.kafka.connect.MongoSinkConnector");
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(home.resolve(this.settings))) {
                properties.load(reader);
            }
            return properties.stringPropertyNames()
                .stream()
                .sorted()
                .map(name -> name + "=" + properties.getProperty(name))
                .toList();
        }

    }

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
     * @param indexes created on the connector's collection before it starts (the like for
     * like peer's collection has the indexes article-service's has, and maintains them as
     * it writes)
     */
    static Result run(Setup setup, List<Document> indexes, Path home, Path work, StackUnderTest stack, String topic,
            int partitions, long records, Timeline timeline, HttpClient http) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(work.resolve("connect-" + setup.id));
        String name = setup.connectorName();
        int restPort = Ports.free();
        Path worker = directory.resolve("worker.properties");
        Files.writeString(worker, String.join("\n", "bootstrap.servers=" + stack.kafkaBootstrapServers(),
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable=false",
                "offset.storage.file.filename=" + directory.resolve("connect.offsets"),
                "plugin.path=" + setup.pluginPath(home), "listeners=http://127.0.0.1:" + restPort, ""));
        Path sink = directory.resolve("mongo-sink.properties");
        List<String> settings = new ArrayList<>(setup.settings(home));
        settings.addAll(List.of("name=" + name, "tasks.max=" + partitions, "topics=" + topic,
                "connection.uri=" + stack.mongoUri(), "database=" + setup.database(), "collection=articles", ""));
        Files.writeString(sink, String.join("\n", settings));
        // the worker's classpath binds SLF4J to logback (the benchmark's own logging),
        // which
        // logs at DEBUG without a configuration: the connector would then format every
        // record it converts into its log
        Path logback = directory.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                    <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %-5level %logger{0} - %msg%n</pattern></encoder>
                    </appender>
                    <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            MongoCollection<Document> stored = client.getDatabase(setup.database()).getCollection("articles");
            if (!indexes.isEmpty()) {
                client.getDatabase(setup.database())
                    .runCommand(new Document("createIndexes", "articles").append("indexes", indexes));
            }
            ChildProcess connect = ChildProcess.java("kafka-connect-" + setup.id)
                .arguments("-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logback, "-cp",
                        home.resolve("benchmark/target/lib/*").toString(),
                        "org.apache.kafka.connect.cli.ConnectStandalone", worker.toString(), sink.toString())
                .log(work.resolve("kafka-connect-" + setup.id + ".log"))
                .start();
            try {
                String status = "http://127.0.0.1:" + restPort + "/connectors/" + name + "/status";
                Readiness.await("the sink connector", RUNNING_WITHIN, connect,
                        () -> tasksRunning(http, status, partitions));
                StackUnderTest.StackProcess process = new StackUnderTest.StackProcess("connector", connect.pid());
                Map<String, Double> cpuBefore = cpu(stack, process);
                timeline.leg("peer: MongoDB sink connector, " + setup.id,
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
                CpuUse cpu = CpuUse.between("peer connector, " + setup.id, cpuBefore, cpu(stack, process), records);
                return new Result(records / seconds, seconds, cpu);
            }
            finally {
                connect.stop();
                client.getDatabase(setup.database()).drop();
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
