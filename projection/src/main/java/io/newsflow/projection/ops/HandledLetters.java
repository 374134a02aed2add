package io.newsflow.projection.ops;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsflow.projection.ops.DeadLetter.Position;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What operators did with dead letters, in the service's {@code deadLetters} collection,
 * one document per letter by its position ({@code partition-offset}), indexed by
 * partition and offset so that counting what a range of the topic holds reads only that
 * range. Reading never deletes: the letters the topic no longer holds (aged out of its
 * retention) are forgotten by an explicit {@link #forgetBefore clean-up}.
 */
final class HandledLetters {

    static final String COLLECTION = "deadLetters";

    private final MongoTemplate mongo;

    HandledLetters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the index counts and clean-ups use; idempotent. */
    void ensureIndex() {
        this.mongo.indexOps(COLLECTION)
            .createIndex(new Index().on("partition", Sort.Direction.ASC).on("offset", Sort.Direction.ASC));
    }

    boolean contains(Position position) {
        return this.mongo.exists(Query.query(Criteria.where("_id").is(position.id())), COLLECTION);
    }

    /** The positions handled in {@code partition} from {@code from} on. */
    Set<Long> offsets(int partition, long from) {
        Query query = Query.query(Criteria.where("partition").is(partition).and("offset").gte(from));
        query.fields().include("offset");
        Set<Long> offsets = new HashSet<>();
        this.mongo.find(query, Document.class, COLLECTION)
            .forEach(document -> offsets.add(((Number) document.get("offset")).longValue()));
        return offsets;
    }

    /** Records what was done with each letter, in one round trip. */
    void record(List<DeadLetter> letters, String action, Instant at) {
        if (letters.isEmpty()) {
            return;
        }
        BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (DeadLetter letter : letters) {
            Position position = Position.parse(letter.id());
            bulk.upsert(Query.query(Criteria.where("_id").is(letter.id())),
                    new Update().set("partition", position.partition())
                        .set("offset", position.offset())
                        .set("action", action.toLowerCase(Locale.ROOT))
                        .set("at", Date.from(at))
                        .set("key", letter.key()));
        }
        bulk.execute();
    }

    /**
     * How many handled letters lie within the topic's range now, partition by partition
     * ({@code start} inclusive, {@code end} exclusive).
     */
    long countWithin(Map<Integer, Long> start, Map<Integer, Long> end) {
        long within = 0;
        for (Map.Entry<Integer, Long> partition : end.entrySet()) {
            long from = start.getOrDefault(partition.getKey(), 0L);
            within += this.mongo.count(Query.query(Criteria.where("partition")
                .is(partition.getKey())
                .and("offset")
                .gte(from)
                .lt(partition.getValue())), COLLECTION);
        }
        return within;
    }

    /**
     * Forgets what was done with letters the topic no longer holds (before each
     * partition's {@code start}); answers how many.
     */
    long forgetBefore(Map<Integer, Long> start) {
        long forgotten = 0;
        for (Map.Entry<Integer, Long> partition : start.entrySet()) {
            forgotten += this.mongo
                .remove(Query
                    .query(Criteria.where("partition").is(partition.getKey()).and("offset").lt(partition.getValue())),
                        COLLECTION)
                .getDeletedCount();
        }
        return forgotten;
    }

}
