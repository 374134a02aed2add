package io.newsflow.testsupport;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.newsflow.embeddedmongo.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Apache Kafka broker (KRaft, in-process) and the embedded MongoDB server
 * ({@link EmbeddedMongo}, in memory: the engine, indexes and planner the local stack and
 * the benchmark run on), both on loopback and random ports: what CI runs on machines
 * without Docker.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    /**
     * Partitions of auto-created topics; the services create theirs with their own count.
     */
    private static final int DEFAULT_PARTITIONS = 3;

    private static EmbeddedInfrastructure shared;

    private final Deque<Runnable> beforeStop = new ConcurrentLinkedDeque<>();

    private final EmbeddedKafkaKraftBroker broker;

    private final EmbeddedMongo mongo;

    private EmbeddedInfrastructure() {
        long started = System.nanoTime();
        this.broker = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
        // the log cleaner looks for work every half second (15 s by default), so a test
        // that makes a
        // topic's segments small sees it compacted within seconds
        this.broker.brokerProperty("log.cleaner.backoff.ms", "500");
        this.broker.afterPropertiesSet();
        this.mongo = EmbeddedMongo.inMemory(0);
        log.info("Embedded Kafka at {} and MongoDB at {} started in {} ms", kafkaBootstrapServers(), mongoUri(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The broker and server of this JVM, started on first use. */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            shared = new EmbeddedInfrastructure();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-infrastructure-stop"));
        }
        return shared;
    }

    @Override
    public String kafkaBootstrapServers() {
        return this.broker.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return this.mongo.connectionString();
    }

    @Override
    public String description() {
        return "embedded";
    }

    /**
     * Runs {@code action} when the JVM exits, before the broker and server stop (latest
     * registered first): applications started on this infrastructure close while it is
     * still there, instead of retrying against a broker that is already gone.
     */
    @Override
    public void beforeStop(Runnable action) {
        this.beforeStop.push(action);
    }

    private void stop() {
        for (Runnable action : this.beforeStop) {
            try {
                action.run();
            }
            catch (RuntimeException ex) {
                log.warn("Closing before the embedded infrastructure stops failed", ex);
            }
        }
        this.mongo.close();
        this.broker.destroy();
    }

}
