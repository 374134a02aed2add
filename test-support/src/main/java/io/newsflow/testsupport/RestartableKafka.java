package io.newsflow.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.newsflow.processes.KafkaServerProcess;
import io.newsflow.processes.Ports;

/**
 * A broker owned by one test, in a JVM of its own, that the test can stop and start again
 * on the same port with its data, as an operator restarts a broker. For outage tests;
 * every other test shares {@link EmbeddedInfrastructure}.
 */
public final class RestartableKafka implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final KafkaServerProcess broker;

    private RestartableKafka(KafkaServerProcess broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker with its data under {@code directory} and waits until it is ready.
     */
    public static RestartableKafka start(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path logback = directory.resolve("logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        KafkaServerProcess broker = new KafkaServerProcess(directory, Ports.free(), Ports.free(), classpath,
                List.of("-Xmx512m", "-Dlogback.configurationFile=" + logback), directory.resolve("kafka.log"));
        RestartableKafka kafka = new RestartableKafka(broker);
        kafka.startAgain();
        return kafka;
    }

    public String bootstrapServers() {
        return this.broker.bootstrapServers();
    }

    /** A controlled shutdown; returns once the broker process is gone. */
    public void stop() {
        this.broker.stop();
    }

    /** A crash: SIGKILL, no controlled shutdown; returns once the process is gone. */
    public void kill() throws InterruptedException {
        this.broker.kill();
    }

    /** Where the broker keeps its partitions and checkpoints. */
    public Path logDirectory() {
        return this.broker.logDirectory();
    }

    /**
     * Starts the stopped broker again on the same ports with the same data and waits
     * until it is ready.
     */
    public void startAgain() throws IOException, InterruptedException {
        this.broker.start();
        this.broker.awaitReady(READY_WITHIN);
    }

    @Override
    public void close() {
        stop();
    }

}
