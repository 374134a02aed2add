package io.newsflow.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real {@code apache/kafka} and {@code mongo} images in containers, for machines with a
 * Docker engine. Tests that use it are skipped where no engine answers (see
 * {@link #dockerAvailable()}).
 */
public final class ContainerInfrastructure implements Infrastructure {

    /** Pinned images: the same tags as docker-compose.yml. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    public static final String MONGO_IMAGE = "mongo:8.0.16";

    private static ContainerInfrastructure shared;

    private final KafkaContainer kafka;

    private final MongoDBContainer mongo;

    private ContainerInfrastructure() {
        this.kafka = new KafkaContainer(KAFKA_IMAGE);
        this.mongo = new MongoDBContainer(MONGO_IMAGE);
        this.kafka.start();
        this.mongo.start();
    }

    /**
     * The containers of this JVM, started on first use; Testcontainers' reaper removes
     * them.
     */
    public static synchronized ContainerInfrastructure shared() {
        if (shared == null) {
            shared = new ContainerInfrastructure();
        }
        return shared;
    }

    /** Whether a Docker engine answers on this machine. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return this.kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return "mongodb://" + this.mongo.getHost() + ":" + this.mongo.getMappedPort(27017);
    }

    @Override
    public String description() {
        return "containers";
    }

}
