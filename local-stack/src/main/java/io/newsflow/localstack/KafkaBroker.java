package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), run from the Maven
 * Central jars in a JVM of its own, listening on loopback only. Its log directory lives under the
 * stack's data directory and is formatted once, so topics survive restarts.
 */
final class KafkaBroker {

    private final StackSettings settings;

    private final Path directory;

    KafkaBroker(StackSettings settings) {
        this.settings = settings;
        this.directory = settings.data().resolve("kafka");
    }

    ChildProcess start(String classpath) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(this.directory.resolve("logs"));
        Path properties = writeServerProperties();
        Path log4j = writeLog4jConfig();
        List<String> jvm = List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Dlog4j2.configurationFile=" + log4j,
                "-Dkafka.logs.dir=" + logs, "-cp", classpath);
        if (!Files.exists(this.directory.resolve("log").resolve("meta.properties"))) {
            ChildProcess.runJava("kafka-storage-format", concat(jvm, "kafka.tools.StorageTool", "format",
                    "--cluster-id", clusterId(), "--config", properties.toString()),
                    this.settings.logs().resolve("kafka.log"), this.settings.home());
        }
        return ChildProcess.startJava("kafka", concat(jvm, "kafka.Kafka", properties.toString()), Map.of(),
                this.settings.logs().resolve("kafka.log"), this.settings.home());
    }

    /** Ready when the cluster answers an admin request. */
    static boolean isReady(String bootstrapServers) {
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

    private Path writeServerProperties() throws IOException {
        int port = this.settings.kafkaPort();
        int controller = this.settings.kafkaControllerPort();
        String text = String.join("\n",
                "# Written by ./newsflow up at every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + this.directory.resolve("log"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path file = this.directory.resolve("server.properties");
        Files.writeString(file, text);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        String text = """
                Configuration:
                  Appenders:
                    Console:
                      name: STDOUT
                      PatternLayout:
                        pattern: "[%d] %p %m (%c)%n"
                  Loggers:
                    Root:
                      level: INFO
                      AppenderRef:
                        ref: STDOUT
                    Logger:
                      - name: kafka.request.logger
                        level: WARN
                      - name: org.apache.kafka.controller
                        level: WARN
                """;
        Path file = this.directory.resolve("log4j2.yaml");
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

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    static Duration startTimeout() {
        return Duration.ofSeconds(90);
    }
}
