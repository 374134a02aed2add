package io.newsflow.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import io.newsflow.projection.read.NotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The collection a read model is served from. It starts as the model's name (such as
 * {@code articles}); a rebuild fills a shadow collection and {@link #switchTo switches}
 * to it in one step, recorded in the {@code readModels} collection so every instance and
 * every restart serves the same one.
 */
public class ReadModel {

    static final String REGISTRY = "readModels";

    /** MongoDB's {@code IndexNotFound}. */
    private static final int INDEX_NOT_FOUND = 27;

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);

    private final MongoTemplate mongo;

    private final String name;

    private final AtomicReference<String> active;

    private final List<Index> indexes;

    private final List<Index> retired;

    /**
     * @param indexes the indexes every collection of the model gets
     */
    public ReadModel(MongoTemplate mongo, String name, List<Index> indexes) {
        this(mongo, name, indexes, List.of());
    }

    /**
     * @param indexes the indexes every collection of the model gets
     * @param retired indexes an earlier version of the service created and this one
     * replaced: dropped where {@link #ensureIndexes} finds them
     */
    public ReadModel(MongoTemplate mongo, String name, List<Index> indexes, List<Index> retired) {
        this.mongo = mongo;
        this.name = name;
        this.indexes = List.copyOf(indexes);
        this.retired = List.copyOf(retired);
        Document registered = mongo.findById(name, Document.class, REGISTRY);
        this.active = new AtomicReference<>(registered == null ? name : registered.getString("active"));
    }

    public String name() {
        return this.name;
    }

    /** The collection reads and writes go to now. */
    public String collection() {
        return this.active.get();
    }

    /**
     * The served document of {@code id}, or null when there is none, it is a tombstone,
     * or only a field group of the entity has arrived yet (revision 0: a post's body
     * before its listing row). The id is looked up alone and the rest told apart here:
     * any other filter next to {@code _id} makes the embedded server scan the whole
     * collection instead of using its {@code _id} index.
     */
    public Document find(String id) {
        return find(id, List.of());
    }

    /**
     * As {@link #find(String)}, without the fields {@code omitted}: a read API leaves out
     * what it never shows (search tokens, fingerprints), which are most of a stored
     * document's bytes and would otherwise be encoded, sent and decoded on every lookup.
     * The fields that tell a live entity apart cannot be omitted.
     * @throws IllegalArgumentException when {@code omitted} names {@code removed} or
     * {@code revision}
     */
    public Document find(String id, Collection<String> omitted) {
        if (omitted.contains(ProjectionWriter.REMOVED) || omitted.contains(ProjectionWriter.REVISION)) {
            throw new IllegalArgumentException("a lookup needs the fields that tell a live entity apart: " + omitted);
        }
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude(omitted.toArray(String[]::new));
        Document document = this.mongo.findOne(query, Document.class, collection());
        return document != null && isLive(document) ? document : null;
    }

    /**
     * Whether a document of a read model is a live entity: not a tombstone, and not only
     * a field group of one that arrived before its main event (revision 0).
     */
    public static boolean isLive(Document document) {
        if (Boolean.TRUE.equals(document.get(ProjectionWriter.REMOVED))) {
            return false;
        }
        Number revision = document.get(ProjectionWriter.REVISION, Number.class);
        return revision == null || revision.longValue() > 0;
    }

    /**
     * The live entity {@code id}, as {@link #find}; a read API answers 404 with
     * {@code notFound} when there is none.
     */
    public Document get(String id, Supplier<String> notFound) {
        return get(id, List.of(), notFound);
    }

    /**
     * The live entity {@code id} without the fields {@code omitted}, as
     * {@link #find(String, Collection)}; a read API answers 404 with {@code notFound}
     * when there is none.
     */
    public Document get(String id, Collection<String> omitted, Supplier<String> notFound) {
        Document document = find(id, omitted);
        if (document == null) {
            throw new NotFoundException(notFound.get());
        }
        return document;
    }

    /**
     * Creates the model's indexes on {@code collection} where they are missing, in one
     * {@code createIndexes} command: MongoDB builds the indexes of one command in one
     * scan of the collection, and so does the embedded server (a rebuild's shadow gets
     * them all over what it holds).
     */
    public void ensureIndexes(String collection) {
        MongoCollection<Document> indexed = this.mongo.getCollection(collection);
        if (!this.indexes.isEmpty()) {
            indexed.createIndexes(this.indexes.stream().map(ReadModel::model).toList());
        }
        if (!this.retired.isEmpty()) {
            dropRetired(indexed);
        }
    }

    /**
     * Drops the retired indexes the collection holds, found by their keys (whatever their
     * name), after the ones replacing them exist: an index a write no longer needs still
     * costs every write and its memory, and the embedded server would walk it rather than
     * the one that replaced it. An instance starting beside this one may have dropped it
     * first.
     */
    private void dropRetired(MongoCollection<Document> indexed) {
        List<Document> retiredKeys = this.retired.stream().map(Index::getIndexKeys).toList();
        for (Document existing : indexed.listIndexes().into(new ArrayList<>())) {
            Document keys = existing.get("key", Document.class);
            if (keys != null && retiredKeys.stream().anyMatch(retired -> sameKeys(retired, keys))) {
                String indexName = existing.getString("name");
                try {
                    indexed.dropIndex(indexName);
                    log.info("Dropped the retired index {} of {}", indexName, indexed.getNamespace());
                }
                catch (MongoCommandException ex) {
                    if (ex.getErrorCode() != INDEX_NOT_FOUND) {
                        throw ex;
                    }
                }
            }
        }
    }

    /** The same fields in the same order, each in the same direction. */
    static boolean sameKeys(Document first, Document second) {
        if (!List.copyOf(first.keySet()).equals(List.copyOf(second.keySet()))) {
            return false;
        }
        return first.entrySet()
            .stream()
            .allMatch(key -> key.getValue() instanceof Number direction
                    && second.get(key.getKey()) instanceof Number other
                    && Math.signum(direction.doubleValue()) == Math.signum(other.doubleValue()));
    }

    /**
     * The driver's model of an index: its keys and the options a read model uses; any
     * other option is refused rather than dropped.
     */
    static IndexModel model(Index index) {
        IndexOptions options = new IndexOptions();
        index.getIndexOptions().forEach((option, value) -> {
            switch (option) {
                case "name" -> options.name((String) value);
                case "unique" -> options.unique((Boolean) value);
                case "sparse" -> options.sparse((Boolean) value);
                case "partialFilterExpression" -> options.partialFilterExpression((Document) value);
                case "expireAfterSeconds" -> options.expireAfter(((Number) value).longValue(), TimeUnit.SECONDS);
                default ->
                    throw new IllegalArgumentException("a read model's index option is not supported: " + option);
            }
        });
        return new IndexModel(index.getIndexKeys(), options);
    }

    /** Re-reads the registry, for instances that did not run the switch themselves. */
    public void refresh() {
        String registered = registered();
        if (registered != null) {
            this.active.set(registered);
        }
    }

    /** The collection the registry names now, or {@code null} before any switch. */
    public String registered() {
        Document registered = this.mongo.findById(this.name, Document.class, REGISTRY);
        return registered == null ? null : registered.getString("active");
    }

    /**
     * Whether {@code collection} is still the one served, by the registry: the fence of
     * every write. When a rebuild on another instance switched meanwhile, this instance
     * follows at once and answers {@code false}: what it just wrote must be written to
     * the new collection too before its offsets move, since the old one will be dropped.
     */
    public boolean confirm(String collection) {
        String registered = registered();
        String served = registered == null ? this.name : registered;
        if (served.equals(collection)) {
            return true;
        }
        this.active.set(served);
        return false;
    }

    /** Serves {@code collection} from now on; returns the collection served before. */
    public String switchTo(String collection) {
        this.mongo.findAndModify(Query.query(Criteria.where("_id").is(this.name)),
                new Update().set("active", collection), FindAndModifyOptions.options().upsert(true), Document.class,
                REGISTRY);
        return this.active.getAndSet(collection);
    }

}
