package io.newsflow.projection;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Housekeeping of the read models: deletes tombstones past their retention (MongoDB TTL
 * indexes would do it on a real server, but the embedded one ignores them) and follows
 * switches made by a rebuild on another instance.
 */
public class ReadModelMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ReadModelMaintenance.class);

    private final List<ReadModel> models;

    private final MongoTemplate mongo;

    private final ProjectionProperties properties;

    private final Clock clock;

    public ReadModelMaintenance(List<ReadModel> models, MongoTemplate mongo, ProjectionProperties properties,
            Clock clock) {
        this.models = models;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes the tombstones older than the retention; answers how many. */
    @Scheduled(fixedDelayString = "${newsflow.projection.tombstone-purge-interval:1h}",
            initialDelayString = "${newsflow.projection.tombstone-purge-interval:1h}")
    public long purgeTombstones() {
        Date before = Date.from(this.clock.instant().minus(this.properties.tombstoneRetention()));
        long purged = 0;
        for (ReadModel model : this.models) {
            Query expired = Query
                .query(Criteria.where(ProjectionWriter.REMOVED).is(true).and(ProjectionWriter.REMOVED_AT).lt(before));
            purged += this.mongo.remove(expired, model.collection()).getDeletedCount();
        }
        if (purged > 0) {
            log.info("Purged {} tombstones removed before {}", purged, before.toInstant());
        }
        return purged;
    }

    @Scheduled(fixedDelayString = "${newsflow.projection.read-model-refresh-interval:5s}")
    public void refreshServedCollections() {
        this.models.forEach(ReadModel::refresh);
    }

}
