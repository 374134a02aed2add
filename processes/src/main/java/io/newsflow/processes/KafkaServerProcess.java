package io.newsflow.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) in a JVM
 * of its own, listening on loopback only. Its log directory is formatted once and kept,
 * so the broker can be stopped and started again with its topics and offsets, as a real
 * broker restarts.
 *
 * <p>
 * The broker classes ({@code kafka_2.13}) come from the classpath the caller passes; the
 * caller also chooses the JVM options, such as its logging configuration.
 */
public final class KafkaServerProcess {

    /**
     * How often the broker writes what it holds to disk and notes its recovery point.
     */
    public static final long FLUSH_INTERVAL_MS = 1_000;

    private final Path directory;

    private final int port;

    private final int controllerPort;

    private final String classpath;

    private final List<String> jvmOptions;

    private final Path log;

    private ChildProcess process;

    /**
     * @param directory holds the log directory, the configuration and the cluster id
     * @param log where the broker's output is appended
     */
    public KafkaServerProcess(Path directory, int port, int controllerPort, String classpath, List<String> jvmOptions,
            Path log) {
        this.directory = directory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log.toAbsolutePath();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + this.port;
    }

    public Path log() {
        return this.log;
    }

    /** Where the broker keeps its partitions and their checkpoints. */
    public Path logDirectory() {
        return this.directory.resolve("log");
    }

    /**
     * Formats the log directory on first use, then starts the broker; returns without
     * waiting for it.
     */
    public synchronized void start() throws IOException, InterruptedException {
        Files.createDirectories(this.directory);
        Files.createDirectories(this.log.getParent());
        Path properties = writeServerProperties();
        if (!Files.exists(logDirectory().resolve("meta.properties"))) {
            java("kafka-storage-format", "kafka.tools.StorageTool", "format", "--cluster-id", clusterId(), "--config",
                    properties.toString())
                .run(Duration.ofMinutes(2));
        }
        this.process = java("kafka", "kafka.Kafka", properties.toString()).start();
    }

    /** Waits until the broker answers an admin request. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Readiness.await("the Kafka broker", timeout, this.process, this::isReady);
    }

    public boolean isReady() {
        return isReady(bootstrapServers());
    }

    /**
     * Whether the cluster at {@code bootstrapServers} answers an admin request within a
     * few seconds.
     */
    public static boolean isReady(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
        catch (Exception ex) {
            return false;
        }
    }

    public synchronized boolean isAlive() {
        return this.process != null && this.process.isAlive();
    }

    /**
     * SIGTERM (a controlled shutdown), then SIGKILL if the broker has not stopped within
     * 30 s.
     */
    public synchronized void stop() {
        if (this.process != null) {
            this.process.stop();
        }
    }

    /**
     * SIGKILL, as a crash: no controlled shutdown, no clean-shutdown file, so the next
     * start recovers the log.
     */
    public synchronized void kill() throws InterruptedException {
        if (this.process != null) {
            this.process.kill();
        }
    }

    private ChildProcess.Builder java(String name, String mainClass, String... arguments) {
        return ChildProcess.java(name)
            .arguments(this.jvmOptions)
            .arguments("-cp", this.classpath, mainClass)
            .arguments(arguments)
            .log(this.log);
    }

    private Path writeServerProperties() throws IOException {
        String text = String.join("\n", "# Written at every start of the broker", "process.roles=broker,controller",
                "node.id=1", "controller.quorum.voters=1@127.0.0.1:" + this.controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + this.port, "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT", "log.dirs=" + logDirectory(),
                "num.partitions=3", "auto.create.topics.enable=false", "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // the log cleaner's dedupe buffer is on the heap (128 MB by default); 32
                // MB
                // maps about 1.3 million keys per cleaning pass, plenty for one machine
                "log.cleaner.dedupe.buffer.size=33554432",
                // every partition is written to disk (fsync) within a second of its
                // records, and the broker notes once a second how far that is (its
                // recovery point). Kafka leaves both to replicas by default: its
                // recovery point moves only when a 1 GB segment rolls, so a broker
                // killed with its data in one segment re-read and checked every record
                // on restart (20 s of the local stack's 48 s to ready holding 160,000
                // events), and a power cut could lose all a lone broker had
                // acknowledged. Now a restart re-reads at most the last second, and a
                // power cut loses at most that. From the first second: the broker's
                // periodic tasks otherwise start 30 s after it did.
                "log.flush.scheduler.interval.ms=" + FLUSH_INTERVAL_MS, "log.flush.interval.ms=" + FLUSH_INTERVAL_MS,
                "log.flush.offset.checkpoint.interval.ms=" + FLUSH_INTERVAL_MS,
                "log.initial.task.delay.ms=" + FLUSH_INTERVAL_MS, "");
        Path file = this.directory.resolve("server.properties");
        Files.writeString(file, text);
        return file;
    }

    private String clusterId() throws IOException {
        Path file = this.directory.resolve("cluster-id");
        if (!Files.exists(file)) {
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

}
