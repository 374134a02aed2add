package io.newsflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.embeddedmongo.EmbeddedMongo;
import io.newsflow.processes.ChildProcess;
import io.newsflow.processes.Ports;
import io.newsflow.processes.Readiness;
import io.newsflow.testsupport.RestartableKafka;

/**
 * newsflow as separate processes on loopback: a Kafka broker in its own JVM (stoppable
 * and restartable with its data), mongo-java-server in this JVM, and each service in its
 * own JVM from the executable jar the build made, so a scenario can kill -9 one of them.
 */
final class ProcessCluster implements AutoCloseable {

    static final String API_KEY = "reliability-key";

    private final Path directory;

    private final RestartableKafka kafka;

    private final EmbeddedMongo mongo;

    private final String mongoUri;

    private final Map<String, Service> services = new LinkedHashMap<>();

    private final int partitions;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A service JVM, started again on the same ports after a kill. */
    final class Service {

        final String module;

        final String name;

        final int port = Ports.free();

        final int managementPort = Ports.free();

        private ChildProcess process;

        Service(String module, String name) {
            this.module = module;
            this.name = name;
        }

        String url() {
            return "http://127.0.0.1:" + this.port;
        }

        void start() throws IOException {
            String prefix = this.module.substring(0, this.module.indexOf('-')).toUpperCase();
            this.process = ChildProcess.java(this.name)
                .arguments("-Xmx384m", "-XX:+UseSerialGC", "-jar", jar(this.module).toString())
                .environment(Map.of("KAFKA_BOOTSTRAP_SERVERS", ProcessCluster.this.kafka.bootstrapServers(),
                        "MONGODB_URI", ProcessCluster.this.mongoUri, prefix + "_PORT", String.valueOf(this.port),
                        prefix + "_MANAGEMENT_PORT", String.valueOf(this.managementPort), "NEWSFLOW_API_KEYS", API_KEY,
                        "TRACING_SAMPLING_PROBABILITY", "0", "NEWSFLOW_TOPIC_PARTITIONS",
                        String.valueOf(ProcessCluster.this.partitions)))
                .log(ProcessCluster.this.directory.resolve(this.name + ".log"))
                .start();
        }

        void awaitReady() throws InterruptedException {
            Readiness.await(this.name, Duration.ofMinutes(2), this.process,
                    () -> Readiness.isUp("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"));
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
        void kill() throws InterruptedException {
            this.process.kill();
        }

        void stop() {
            if (this.process != null) {
                this.process.stop();
            }
        }

    }

    private ProcessCluster(Path directory, RestartableKafka kafka, EmbeddedMongo mongo, int partitions) {
        this.directory = directory;
        this.partitions = partitions;
        this.kafka = kafka;
        this.mongo = mongo;
        this.mongoUri = mongo.connectionString();
    }

    static ProcessCluster start(String name) throws IOException, InterruptedException {
        return start(name, 3, 1);
    }

    /**
     * @param partitions of the topics the services create
     * @param consumerInstances instances of article-service and of board-service, in one
     * consumer group each
     */
    static ProcessCluster start(String name, int partitions, int consumerInstances)
            throws IOException, InterruptedException {
        Path directory = Files.createDirectories(Path.of("target", "reliability", name + "-" + System.nanoTime()));
        RestartableKafka kafka = RestartableKafka.start(directory.resolve("kafka"));
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(Ports.free());
        ProcessCluster cluster = new ProcessCluster(directory, kafka, mongo, partitions);
        Service ingest = cluster.new Service("ingest-service", "ingest-service");
        ingest.start();
        ingest.awaitReady();
        cluster.services.put(ingest.name, ingest);
        for (String module : List.of("article-service", "board-service")) {
            for (int instance = 1; instance <= consumerInstances; instance++) {
                Service service = cluster.new Service(module, instance == 1 ? module : module + "-" + instance);
                service.start();
                cluster.services.put(service.name, service);
            }
        }
        for (Service service : cluster.services.values()) {
            service.awaitReady();
        }
        return cluster;
    }

    /**
     * A service by name: the module's name for its first instance, {@code <module>-2} for
     * the second.
     */
    Service service(String name) {
        return this.services.get(name);
    }

    RestartableKafka kafka() {
        return this.kafka;
    }

    MongoClient mongoClient() {
        return MongoClients.create(this.mongoUri);
    }

    /** A write to ingest; answers status and Retry-After (or -1). */
    int[] post(String path, String json, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http
            .send(HttpRequest.newBuilder(URI.create(service("ingest-service").url() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-API-Key", API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new int[] { response.statusCode(),
                response.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(-1) };
    }

    @Override
    public void close() throws InterruptedException {
        for (Service service : new ArrayList<>(this.services.values())) {
            service.stop();
        }
        this.kafka.close();
        this.mongo.close();
    }

    private static Path jar(String module) {
        try (Stream<Path> files = Files.list(Path.of("..", module, "target"))) {
            return files.filter(f -> f.toString().endsWith("-exec.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("build " + module + " first (./mvnw package)"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
