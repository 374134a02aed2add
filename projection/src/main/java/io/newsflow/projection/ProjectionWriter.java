package io.newsflow.projection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies a batch of events with unordered bulk writes and the version guard, which needs
 * no transaction, so it works on any MongoDB, sharded or embedded:
 * <ol>
 * <li>every entity of the batch is first <em>inserted</em> whole: most events bring an
 * entity the collection does not hold yet, and asking the store first would cost each of
 * them a lookup;</li>
 * <li>an insert that collides on {@code _id} takes the guarded path: one conditional
 * upsert per change, matching {@code {_id, revision < incoming}} (or the field group's
 * revision). When the stored document is as new or newer the filter does not match, the
 * upsert collides on {@code _id} (E11000) and nothing changes.</li>
 * </ol>
 * A removal leaves a tombstone ({@code removed: true} with the revision, every field
 * group cleared at that revision) so that an older event arriving later cannot bring the
 * entity back. What each event does is the projection's {@link Change}; the writer has
 * one path per kind of change.
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

    private static final Logger log = LoggerFactory.getLogger(ProjectionWriter.class);

    private final MongoTemplate mongo;

    private final ReadModel readModel;

    private final Projection<E> projection;

    private final Clock clock;

    private final List<WriteListener> listeners;

    public ProjectionWriter(MongoTemplate mongo, ReadModel readModel, Projection<E> projection, Clock clock) {
        this(mongo, readModel, projection, clock, List.of());
    }

    /**
     * @param listeners told of the ids of every write, after it returned
     */
    public ProjectionWriter(MongoTemplate mongo, ReadModel readModel, Projection<E> projection, Clock clock,
            List<WriteListener> listeners) {
        this.mongo = mongo;
        this.readModel = readModel;
        this.projection = projection;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    public ReadModel readModel() {
        return this.readModel;
    }

    public Projection<E> projection() {
        return this.projection;
    }

    /**
     * Applies the events to the served collection; throws when the store fails, so the
     * batch is retried. The write is fenced: the collection is then confirmed against the
     * registry, and when a rebuild on another instance switched it meanwhile, the events
     * are written to the collection served now too, so nothing a caller goes on to
     * acknowledge is left only in a replaced one.
     */
    public Outcome write(List<E> events) {
        String collection = this.readModel.collection();
        Prepared prepared = prepare(events, false);
        Outcome outcome = write(prepared, collection);
        while (!events.isEmpty() && !this.readModel.confirm(collection)) {
            log.info("{} was replaced while a batch was written to it; writing the batch to {}", collection,
                    this.readModel.collection());
            collection = this.readModel.collection();
            outcome = write(prepared, collection);
        }
        return outcome;
    }

    /**
     * Applies the events to {@code collection}, such as the shadow collection of a
     * rebuild. The rebuild reads every partition on one thread, so the changes are built
     * on all cores.
     */
    public Outcome write(List<E> events, String collection) {
        return write(prepare(events), collection);
    }

    /**
     * The changes of the events, built on all cores, for {@link #write(Prepared, String)}
     * to apply: a rebuild builds the next batch while the store writes the last one.
     */
    public Prepared prepare(List<E> events) {
        return prepare(events, true);
    }

    /**
     * Applies prepared changes to {@code collection}, as {@link #write(List, String)}.
     */
    public Outcome write(Prepared prepared, String collection) {
        if (prepared.batch == null) {
            return Outcome.NONE;
        }
        return apply(prepared.batch, collection);
    }

    /**
     * @param onAllCores whether to build the changes (search tokens, most of a consumer's
     * CPU) in parallel: the live listener has a thread per partition already, and fanning
     * each batch out as well cost a tenth of article-service's CPU in waiting for the
     * common pool (the pipeline leg's flight recording)
     */
    private Prepared prepare(List<E> events, boolean onAllCores) {
        if (events.isEmpty()) {
            return Prepared.NONE;
        }
        List<Change> changes = (onAllCores ? events.parallelStream() : events.stream()).map(this.projection::change)
            .toList();
        return new Prepared(new Batch(changes, this.projection.fieldGroups()));
    }

    private Outcome apply(Batch batch, String collection) {
        Date now = Date.from(this.clock.instant());
        Set<String> collided = insert(batch, collection, now);
        Rejected rejected = guarded(batch, collided, collection, now);
        Outcome outcome = classify(batch, rejected, collection);
        Set<String> ids = batch.ids();
        this.listeners.forEach(listener -> listener.written(collection, ids));
        return outcome;
    }

    /**
     * Inserts every entity of the batch whole; answers the ids the collection already
     * held.
     */
    private Set<String> insert(Batch batch, String collection, Date now) {
        List<String> ids = new ArrayList<>(batch.ids());
        BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, collection);
        bulk.insert(ids.stream().map(id -> document(id, batch, now)).toList());
        try {
            bulk.execute();
            return Set.of();
        }
        catch (BulkOperationException ex) {
            Set<String> collided = new HashSet<>();
            for (BulkWriteError error : duplicatesOnly(ex)) {
                collided.add(ids.get(error.getIndex()));
            }
            return collided;
        }
    }

    private Document document(String id, Batch batch, Date now) {
        Document document = new Document("_id", id).append(APPLIED_AT, now);
        Change main = batch.main.get(id);
        if (main instanceof Change.Replace replace) {
            document.append(REVISION, replace.revision())
                .append(REMOVED, false)
                .append(CONTENT_HASH, replace.contentHash());
            replace.fields().forEach((field, value) -> {
                if (value != null) {
                    document.append(field, value);
                }
            });
        }
        else if (main instanceof Change.Remove remove) {
            document.append(REVISION, remove.revision()).append(REMOVED, true).append(REMOVED_AT, now);
        }
        else {
            document.append(REVISION, 0L).append(REMOVED, false);
        }
        for (Projection.FieldGroup group : this.projection.fieldGroups()) {
            GroupValue value = batch.groups.getOrDefault(id, Map.of()).get(group.revisionField());
            document.append(group.revisionField(), value == null ? 0L : value.revision());
            if (value != null && value.values() != null) {
                value.values().forEach((field, fieldValue) -> {
                    if (fieldValue != null) {
                        document.append(field, fieldValue);
                    }
                });
            }
        }
        return document;
    }

    /**
     * The version guard for the entities the collection already held: one conditional
     * upsert per change.
     */
    private Rejected guarded(Batch batch, Set<String> collided, String collection, Date now) {
        if (collided.isEmpty()) {
            return Rejected.NONE;
        }
        BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, collection);
        List<String> operationIds = new ArrayList<>();
        List<Boolean> operationIsMain = new ArrayList<>();
        for (String id : collided) {
            Change main = batch.main.get(id);
            if (main != null) {
                bulk.upsert(Query.query(newerThanStored(id, REVISION, main.revision())), mainUpdate(main, now));
                operationIds.add(id);
                operationIsMain.add(true);
            }
            for (Map.Entry<String, GroupValue> group : batch.groups.getOrDefault(id, Map.of()).entrySet()) {
                bulk.upsert(Query.query(newerThanStored(id, group.getKey(), group.getValue().revision())),
                        groupUpdate(group.getKey(), group.getValue()));
                operationIds.add(id);
                operationIsMain.add(false);
            }
        }
        if (operationIds.isEmpty()) {
            return Rejected.NONE;
        }
        try {
            bulk.execute();
            return Rejected.NONE;
        }
        catch (BulkOperationException ex) {
            Set<String> mainIds = new HashSet<>();
            Map<String, Integer> groupRejections = new HashMap<>();
            for (BulkWriteError error : duplicatesOnly(ex)) {
                String id = operationIds.get(error.getIndex());
                if (operationIsMain.get(error.getIndex())) {
                    mainIds.add(id);
                }
                else {
                    groupRejections.merge(id, 1, Integer::sum);
                }
            }
            return new Rejected(mainIds, groupRejections);
        }
    }

    private Update mainUpdate(Change main, Date now) {
        Update update = new Update().set(REVISION, main.revision()).set(APPLIED_AT, now);
        this.projection.fieldGroups().forEach(group -> update.setOnInsert(group.revisionField(), 0L));
        if (main instanceof Change.Replace replace) {
            update.set(REMOVED, false).unset(REMOVED_AT).set(CONTENT_HASH, replace.contentHash());
            replace.fields().forEach((field, value) -> {
                if (value == null) {
                    update.unset(field);
                }
                else {
                    update.set(field, value);
                }
            });
            return update;
        }
        update.set(REMOVED, true).set(REMOVED_AT, now).unset(CONTENT_HASH);
        this.projection.contentFields().forEach(update::unset);
        return update;
    }

    private Update groupUpdate(String revisionField, GroupValue value) {
        Update update = new Update().set(revisionField, value.revision())
            .setOnInsert(REVISION, 0L)
            .setOnInsert(REMOVED, false);
        for (Projection.FieldGroup group : this.projection.fieldGroups()) {
            if (group.revisionField().equals(revisionField)) {
                for (String field : group.fields()) {
                    Object fieldValue = value.values() == null ? null : value.values().get(field);
                    if (fieldValue == null) {
                        update.unset(field);
                    }
                    else {
                        update.set(field, fieldValue);
                    }
                }
            }
            else {
                update.setOnInsert(group.revisionField(), 0L);
            }
        }
        return update;
    }

    /**
     * The guard: the document does not exist yet or holds an older revision; otherwise
     * the upsert collides on {@code _id} and changes nothing. Every document has every
     * revision field (a write that creates a document starts the others at 0), so the
     * filter is a plain comparison that any server answers from the {@code _id} index.
     */
    private static Criteria newerThanStored(String id, String revisionField, long revision) {
        return Criteria.where("_id").is(id).and(revisionField).lt(revision);
    }

    /**
     * The collisions on {@code _id} of a bulk write; any other error is thrown, so the
     * batch is retried.
     */
    private static List<BulkWriteError> duplicatesOnly(BulkOperationException ex) {
        if (ex.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
            throw ex;
        }
        return ex.getErrors();
    }

    /**
     * One outcome per event: the newest change of an id counts as applied, removed,
     * duplicate (the stored content is the same) or stale (the stored one is newer);
     * older changes of the same id in the batch are stale.
     */
    private Outcome classify(Batch batch, Rejected rejected, String collection) {
        Map<String, Document> stored = rejected.main().isEmpty() ? Map.of()
                : storedVersions(rejected.main(), collection);
        int applied = 0;
        int removed = 0;
        int duplicate = 0;
        for (Change main : batch.main.values()) {
            boolean removes = main instanceof Change.Remove;
            if (!rejected.main().contains(main.id())) {
                applied += removes ? 0 : 1;
                removed += removes ? 1 : 0;
            }
            else if (isRepeat(main, stored.get(main.id()))) {
                duplicate++;
            }
        }
        for (String id : batch.groupsOnly.keySet()) {
            int writes = batch.groups.getOrDefault(id, Map.of()).size();
            applied += rejected.groups().getOrDefault(id, 0) < writes ? 1 : 0;
        }
        return new Outcome(applied, removed, duplicate, batch.size - applied - removed - duplicate);
    }

    private static boolean isRepeat(Change change, Document stored) {
        if (stored == null) {
            return false;
        }
        if (change instanceof Change.Remove) {
            return Boolean.TRUE.equals(stored.getBoolean(REMOVED));
        }
        return change instanceof Change.Replace replace && replace.contentHash().equals(stored.getString(CONTENT_HASH));
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

    /**
     * The changes of a batch of events, built and reduced, not yet written; holds no
     * connection or lock, so it can wait for the store.
     */
    public static final class Prepared {

        static final Prepared NONE = new Prepared(null);

        private final Batch batch;

        private Prepared(Batch batch) {
            this.batch = batch;
        }

        /** The events it holds. */
        public int size() {
            return (this.batch != null) ? this.batch.size : 0;
        }

    }

    /**
     * A field group's newest values in the batch; {@code values} is {@code null} when a
     * removal clears it.
     */
    private record GroupValue(long revision, Document values) {
    }

    /**
     * What the guard turned away: ids whose main change it rejected, and how many group
     * writes per id.
     */
    private record Rejected(Set<String> main, Map<String, Integer> groups) {

        static final Rejected NONE = new Rejected(Set.of(), Map.of());

    }

    /**
     * A batch reduced to what an unordered bulk write can apply (it gives no order
     * between its operations): the newest main change of every id, the newest value of
     * every field group of every id, whichever change brought it, and the newest
     * group-only change of every id.
     */
    private static final class Batch {

        private final Map<String, Change> main = new LinkedHashMap<>();

        private final Map<String, Map<String, GroupValue>> groups = new LinkedHashMap<>();

        private final Map<String, Change.Groups> groupsOnly = new LinkedHashMap<>();

        private final int size;

        Batch(List<Change> changes, List<Projection.FieldGroup> fieldGroups) {
            this.size = changes.size();
            for (Change change : changes) {
                if (change instanceof Change.Replace replace) {
                    newest(this.main, replace);
                    replace.groups()
                        .forEach((field, values) -> group(replace.id(), field,
                                new GroupValue(replace.revision(), values)));
                }
                else if (change instanceof Change.Remove remove) {
                    newest(this.main, remove);
                    fieldGroups.forEach(group -> group(remove.id(), group.revisionField(),
                            new GroupValue(remove.revision(), null)));
                }
                else if (change instanceof Change.Groups only) {
                    newest(this.groupsOnly, only);
                    only.groups()
                        .forEach((field, values) -> group(only.id(), field, new GroupValue(only.revision(), values)));
                }
            }
        }

        private static <C extends Change> void newest(Map<String, C> newest, C change) {
            newest.merge(change.id(), change, (kept, next) -> next.revision() > kept.revision() ? next : kept);
        }

        private void group(String id, String revisionField, GroupValue value) {
            this.groups.computeIfAbsent(id, key -> new LinkedHashMap<>())
                .merge(revisionField, value, (kept, next) -> next.revision() > kept.revision() ? next : kept);
        }

        Set<String> ids() {
            Set<String> ids = new LinkedHashSet<>(this.main.keySet());
            ids.addAll(this.groups.keySet());
            return ids;
        }

    }

}
