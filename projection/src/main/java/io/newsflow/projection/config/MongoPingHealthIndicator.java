package io.newsflow.projection.config;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Mongo health by the {@code ping} command, which every MongoDB server and
 * mongo-java-server answer (Boot's own indicator uses {@code hello}, which the embedded
 * server lacks).
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = this.mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok", Number.class).doubleValue() == 1.0 ? "UP" : "DOWN")
            .withDetail("database", this.mongo.getDb().getName());
    }

}
