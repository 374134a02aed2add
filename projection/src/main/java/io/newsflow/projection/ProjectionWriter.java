package io.newsflow.projection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes a batch of events with one unordered bulk write of conditional upserts. Each upsert
 * matches {@code {_id, revision < incoming}}: when the stored document is as new or newer the
 * filter does not match, the upsert collides on {@code _id} (E11000) and nothing changes. That is
 * the version guard; it needs no transaction, so it works on any MongoDB, sharded or embedded.
 *
 * <p>Removals leave a tombstone ({@code removed: true} with the revision) so that an older event
 * arriving later cannot bring the entity back.
 *
 * @param <E> the event type
 */
public class ProjectionWriter<E> {

    public static final String REVISION = "revision";

    public static final String CONTENT_HASH = "contentHash";

    public static final String REMOVED = "removed";

    public static final String REMOVED_AT = "removedAt";

    public static final String APPLIED_AT = "appliedAt";

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    private final ReadModel readModel;

    private final Projection<E> projection;

    private final Clock clock;

    public ProjectionWriter(MongoTemplate mongo, ReadModel readModel, Projection<E> projection, Clock clock) {
        this.mongo = mongo;
        this.readModel = readModel;
        this.projection = projection;
        this.clock = clock;
    }

    public ReadModel readModel() {
        return this.readModel;
    }

    public Projection<E> projection() {
        return this.projection;
    }

    /** Applies the events to the served collection; throws when the store fails, so the batch is retried. */
    public Outcome write(List<E> events) {
        return write(events, this.readModel.collection());
    }

    /**
     * Applies the events to {@code collection}, such as the shadow collection of a rebuild. Every
     * entity is inserted whole first: most events bring an entity the collection does not hold yet,
     * and asking the store first would cost each of them a lookup. An insert that collides on
     * {@code _id} (the collection holds the entity, or another writer created it meanwhile) takes the
     * guarded path: the conditional upserts of the version guard.
     */
    public Outcome write(List<E> events, String collection) {
        if (events.isEmpty()) {
            return Outcome.NONE;
        }
        List<E> newest = newestPerId(events);
        int superseded = events.size() - newest.size();
        Map<String, List<Projection.FieldGroup>> groups = newestFieldGroups(events);
        Date now = Date.from(this.clock.instant());
        // building the fields (search tokens) is most of a consumer's CPU: once per event, on all cores
        Map<String, Document> fields = newest.parallelStream().filter(event -> !this.projection.removes(event))
                .collect(Collectors.toConcurrentMap(this.projection::id, this.projection::fields));
        Set<String> collided = insert(newest, groups, fields, collection, now);
        List<E> guarded = newest.stream().filter(event -> collided.contains(this.projection.id(event))).toList();
        Set<String> rejected = bulkUpsert(guarded, groups, fields, collection, now);
        Outcome outcome = classify(newest, rejected, collection);
        return outcome.plus(new Outcome(0, 0, 0, superseded));
    }

    /** An unordered bulk write gives no order between operations, so one batch keeps one event per id. */
    private List<E> newestPerId(List<E> events) {
        Map<String, E> newest = new LinkedHashMap<>();
        for (E event : events) {
            newest.merge(this.projection.id(event), event,
                    (kept, next) -> this.projection.revision(next) > this.projection.revision(kept) ? next : kept);
        }
        return new ArrayList<>(newest.values());
    }

    /** Inserts new entities whole; answers the ids another writer created in the meantime. */
    private Set<String> insert(List<E> events, Map<String, List<Projection.FieldGroup>> groups,
            Map<String, Document> fields, String collection, Date now) {
        if (events.isEmpty()) {
            return Set.of();
        }
        var bulk = this.mongo.bulkOps(BulkMode.UNORDERED, collection);
        bulk.insert(events.stream().map(event -> document(event, groups.getOrDefault(this.projection.id(event),
                List.of()), fields.get(this.projection.id(event)), now)).toList());
        try {
            bulk.execute();
            return Set.of();
        }
        catch (BulkOperationException ex) {
            return collidedIds(ex, events);
        }
    }

    private Document document(E event, List<Projection.FieldGroup> groups, Document fields, Date now) {
        long revision = this.projection.revision(event);
        Document document = new Document("_id", this.projection.id(event)).append(REVISION, revision)
                .append(APPLIED_AT, now);
        if (this.projection.removes(event)) {
            this.projection.fieldGroupRevisionFields().forEach(field -> document.append(field, revision));
            return document.append(REMOVED, true).append(REMOVED_AT, now);
        }
        document.append(REMOVED, false).append(CONTENT_HASH, this.projection.contentHash(event));
        document.putAll(fields);
        this.projection.fieldGroupRevisionFields().forEach(field -> document.append(field, 0L));
        groups.forEach(group -> {
            document.putAll(group.fields());
            document.append(group.revisionField(), group.revisionOf());
        });
        return document;
    }

    /**
     * The version guard: one conditional upsert per event, plus one per field group; answers the
     * ids whose main upsert the guard rejected (a field group's own rejection only means it holds
     * newer data).
     */
    private Set<String> bulkUpsert(List<E> events, Map<String, List<Projection.FieldGroup>> groups,
            Map<String, Document> fields, String collection, Date now) {
        if (events.isEmpty()) {
            return Set.of();
        }
        var bulk = this.mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (E event : events) {
            Criteria guard = newerThanStored(this.projection.id(event), REVISION, this.projection.revision(event));
            bulk.upsert(Query.query(guard), update(event, fields.get(this.projection.id(event)), now));
        }
        for (E event : events) {
            if (this.projection.removes(event)) {
                continue;
            }
            for (Projection.FieldGroup group : groups.getOrDefault(this.projection.id(event), List.of())) {
                Update update = new Update().set(group.revisionField(), group.revisionOf()).setOnInsert(REVISION, 0L);
                group.fields().forEach(update::set);
                bulk.upsert(Query.query(newerThanStored(this.projection.id(event), group.revisionField(),
                        group.revisionOf())), update);
            }
        }
        try {
            bulk.execute();
            return Set.of();
        }
        catch (BulkOperationException ex) {
            return collidedIds(ex, events);
        }
    }

    /** The ids of the first {@code events.size()} operations that collided on {@code _id}; other errors are thrown. */
    private Set<String> collidedIds(BulkOperationException ex, List<E> events) {
        List<BulkWriteError> failures = ex.getErrors().stream().filter(error -> error.getCode() != DUPLICATE_KEY)
                .toList();
        if (!failures.isEmpty()) {
            throw ex;
        }
        return ex.getErrors().stream().map(BulkWriteError::getIndex).filter(index -> index < events.size())
                .map(index -> this.projection.id(events.get(index))).collect(Collectors.toSet());
    }

    /**
     * The newest value of every field group of every entity in the batch, whichever event brought it:
     * an older full post still fills in a body that a newer listing row of the same batch lacks.
     */
    private Map<String, List<Projection.FieldGroup>> newestFieldGroups(List<E> events) {
        Map<String, Map<String, Projection.FieldGroup>> newest = new HashMap<>();
        for (E event : events) {
            if (this.projection.removes(event)) {
                continue;
            }
            long revision = this.projection.revision(event);
            for (Projection.FieldGroup group : this.projection.fieldGroups(event)) {
                newest.computeIfAbsent(this.projection.id(event), id -> new LinkedHashMap<>()).merge(
                        group.revisionField(), group.withRevision(revision),
                        (kept, next) -> next.revisionOf() > kept.revisionOf() ? next : kept);
            }
        }
        Map<String, List<Projection.FieldGroup>> groups = new HashMap<>();
        newest.forEach((id, byField) -> groups.put(id, List.copyOf(byField.values())));
        return groups;
    }

    /**
     * The guard: the document does not exist yet or holds an older revision; otherwise the upsert
     * collides on {@code _id} and changes nothing. Every document has every revision field (a write
     * that creates a document starts the others at 0), so the filter is a plain comparison that any
     * server answers from the {@code _id} index.
     */
    private static Criteria newerThanStored(String id, String revisionField, long revision) {
        return Criteria.where("_id").is(id).and(revisionField).lt(revision);
    }

    private Update update(E event, Document fields, Date now) {
        Update update = new Update().set(REVISION, this.projection.revision(event)).set(APPLIED_AT, now);
        if (this.projection.removes(event)) {
            update.set(REMOVED, true).set(REMOVED_AT, now).unset(CONTENT_HASH);
            this.projection.contentFields().forEach(update::unset);
            // an older event's field group must not fill a tombstone either
            this.projection.fieldGroups(event).forEach(group -> update.set(group.revisionField(),
                    this.projection.revision(event)));
            return update;
        }
        update.set(REMOVED, false).unset(REMOVED_AT).set(CONTENT_HASH, this.projection.contentHash(event));
        fields.forEach(update::set);
        this.projection.fieldGroupRevisionFields().forEach(field -> update.setOnInsert(field, 0L));
        return update;
    }

    /** Rejected upserts are repeats when the stored content is the same, late arrivals otherwise. */
    private Outcome classify(List<E> events, Set<String> rejected, String collection) {
        Map<String, Document> stored = rejected.isEmpty() ? Map.of() : storedVersions(rejected, collection);
        int applied = 0;
        int removed = 0;
        int duplicate = 0;
        int stale = 0;
        for (int i = 0; i < events.size(); i++) {
            E event = events.get(i);
            boolean removes = this.projection.removes(event);
            if (!rejected.contains(this.projection.id(event))) {
                applied += removes ? 0 : 1;
                removed += removes ? 1 : 0;
            }
            else if (isRepeat(event, stored.get(this.projection.id(event)))) {
                duplicate++;
            }
            else {
                stale++;
            }
        }
        return new Outcome(applied, removed, duplicate, stale);
    }

    private boolean isRepeat(E event, Document stored) {
        if (stored == null) {
            return false;
        }
        if (this.projection.removes(event)) {
            return Boolean.TRUE.equals(stored.getBoolean(REMOVED));
        }
        return this.projection.contentHash(event).equals(stored.getString(CONTENT_HASH));
    }

    private Map<String, Document> storedVersions(Set<String> ids, String collection) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include(CONTENT_HASH, REMOVED);
        Map<String, Document> stored = new HashMap<>();
        for (Document document : this.mongo.find(query, Document.class, collection)) {
            stored.put(document.getString("_id"), document);
        }
        return stored;
    }
}
