package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.newsflow.processes.KafkaServerProcess;

/**
 * The local stack's broker: a {@link KafkaServerProcess} with its data under
 * {@code data/kafka}, logging through log4j2 to {@code data/logs/kafka.log}.
 */
final class KafkaBroker {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private KafkaBroker() {
    }

    static KafkaServerProcess start(StackSettings settings, String classpath) throws IOException, InterruptedException {
        Path directory = settings.data().resolve("kafka");
        Files.createDirectories(directory);
        Path log4j = writeLog4jConfig(directory);
        KafkaServerProcess broker = new KafkaServerProcess(directory, settings.kafkaPort(),
                settings.kafkaControllerPort(), classpath,
                // a one-node development broker: a small serial-GC heap (the stack's
                // memory is measured in docs/performance.md)
                List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC", settings.gcLogOption("kafka"),
                        "-Dlog4j2.configurationFile=" + log4j),
                settings.logs().resolve("kafka.log"));
        broker.start();
        return broker;
    }

    private static Path writeLog4jConfig(Path directory) throws IOException {
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
        Path file = directory.resolve("log4j2.yaml");
        Files.writeString(file, text);
        return file;
    }

}
