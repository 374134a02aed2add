package io.newsflow.embeddedmongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server (a MongoDB wire-protocol server) in this JVM, listening on loopback:
 * the store of the local stack, the benchmark and every test JVM ({@link #inMemory}). The
 * services reach it as they would reach a real MongoDB: through a connection string
 * ({@link #connectionString()}). It keeps its data as its {@link Store} says: in an H2
 * file under the data directory (with MVStore's default page cache or one sized to the
 * data), or in memory only, in which case the read models fill it again from the
 * compacted topics at every start (a read model whose store holds nothing reads its topic
 * from the start). Either way it keeps the indexes the services create and plans queries
 * with them ({@link IndexPlan}), which mongo-java-server alone does not.
 * <p>
 * What survives a crash is a prefix of the writes, as a real MongoDB's journal
 * guarantees: the file is committed every {@link #CHECKPOINT_MS} ms while no command
 * runs. MVStore's own background commit captures each map at a different moment while
 * writes go on, so a crash could keep a later write (a read model's stored offsets) and
 * lose an earlier one (the documents those offsets cover): the crash-everything scenario
 * lost whole batches that way.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /**
     * How the server keeps its data: the {@code h2} file with MVStore's default page
     * cache, the {@code h2} file with a cache sized to the data ({@code h2-cache}), or
     * {@code memory}, gone when the server stops.
     */
    public enum Store {

        H2("h2"), H2_CACHE("h2-cache"), MEMORY("memory");

        private final String id;

        Store(String id) {
            this.id = id;
        }

        /** Its name in settings: {@code h2}, {@code h2-cache} or {@code memory}. */
        public String id() {
            return this.id;
        }

        /** The store of that name. */
        public static Store named(String id) {
            for (Store store : values()) {
                if (store.id.equals(id)) {
                    return store;
                }
            }
            throw new IllegalArgumentException("the store must be h2, h2-cache or memory: " + id);
        }

    }

    /**
     * The most a crash of the launcher loses: MongoDB's own journal commits every 100 ms.
     */
    public static final long CHECKPOINT_MS = 200;

    private static final int RETENTION_MS = 45_000;

    private static final String LOOPBACK = "127.0.0.1";

    /**
     * The backend the server runs: a {@link CheckpointedBackend} for the file, an
     * {@link IndexedMemoryBackend} for memory.
     */
    private final AbstractMongoBackend backend;

    private final MongoServer server;

    private final ScheduledExecutorService checkpoints;

    private EmbeddedMongo(AbstractMongoBackend backend, MongoServer server, ScheduledExecutorService checkpoints) {
        this.backend = backend;
        this.server = server;
        this.checkpoints = checkpoints;
    }

    /**
     * A server that keeps its data in memory, with the indexes and planner of the others,
     * on loopback at {@code port} (0: any free port, see {@link #port()}).
     */
    public static EmbeddedMongo inMemory(int port) {
        IndexedMemoryBackend backend = new IndexedMemoryBackend();
        MongoServer server = new MongoServer(backend);
        server.bind(LOOPBACK, port);
        return new EmbeddedMongo(backend, server, null);
    }

    /** The H2 file under {@code directory}, with MVStore's default page cache. */
    public static EmbeddedMongo start(Path directory, int port) throws IOException {
        return start(Store.H2, directory, port, 0);
    }

    /**
     * @param cacheMegabytes the page cache of the {@code h2-cache} store
     */
    public static EmbeddedMongo start(Store store, Path directory, int port, int cacheMegabytes) throws IOException {
        return start(store, directory, port, cacheMegabytes, RETENTION_MS);
    }

    /**
     * @param retentionMillis how long a chunk of old versions is kept before its space is
     * used again (MVStore's default: the file system has flushed it by then)
     */
    public static EmbeddedMongo start(Store store, Path directory, int port, int cacheMegabytes, int retentionMillis)
            throws IOException {
        if (store == Store.MEMORY) {
            return inMemory(port);
        }
        Files.createDirectories(directory);
        MVStore.Builder file = new MVStore.Builder().fileName(directory.resolve("newsflow.mv").toString())
            .autoCommitDisabled();
        if (store == Store.H2_CACHE) {
            file.cacheSize(cacheMegabytes);
        }
        MVStore opened = file.open();
        opened.setRetentionTime(retentionMillis);
        CheckpointedBackend backend = new CheckpointedBackend(opened);
        ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(backend::checkpoint, CHECKPOINT_MS, CHECKPOINT_MS, TimeUnit.MILLISECONDS);
        MongoServer server = new MongoServer(backend);
        server.bind(LOOPBACK, port);
        return new EmbeddedMongo(backend, server, checkpoints);
    }

    /** The port it listens on. */
    public int port() {
        return this.server.getLocalAddress().getPort();
    }

    /** What a MongoDB client connects with: {@code mongodb://127.0.0.1:<port>}. */
    public String connectionString() {
        return "mongodb://" + LOOPBACK + ":" + port();
    }

    /** Commits now, and compacts when it is due, as the schedule does. */
    public void checkpoint() {
        if (this.backend instanceof CheckpointedBackend file) {
            file.checkpoint();
        }
    }

    /** Stops accepting connections and commits the last writes to the file. */
    @Override
    public void close() {
        this.server.shutdownNow();
        if (this.backend instanceof CheckpointedBackend file) {
            this.checkpoints.shutdownNow();
            file.checkpoint();
            file.close();
        }
    }

    /** The file's backend, for tests of its locking; null when the store is in memory. */
    CheckpointedBackend backend() {
        return this.backend instanceof CheckpointedBackend file ? file : null;
    }

    /** The lock of a collection's commands ({@link CollectionLock}), for tests of it. */
    CollectionLock collectionLock(String database, String collection) {
        return ((CollectionLock.Locked) this.backend.resolveDatabase(database).resolveCollection(collection, true))
            .lock();
    }

    /**
     * Runs the commands that write under a shared lock and commits under the exclusive
     * one, so every commit holds exactly the writes completed before it. Commands that
     * only read take no lock: MVStore's maps are multi-version (a read sees the map's
     * root of when it began, and a commit or a compaction writes new pages beside the old
     * ones, whose chunks are kept for the retention time), so a read never waits for a
     * checkpoint or a compaction, and a commit's prefix is the same with or without the
     * reads beside it.
     */
    static final class CheckpointedBackend extends H2Backend {

        /**
         * The commands that never change a collection: queries, their cursors, the
         * handshake and the server's descriptions. An aggregation is one unless its
         * pipeline writes ({@code $out}, {@code $merge}).
         */
        private static final Set<String> READS = Set.of("find", "getMore", "killCursors", "count", "distinct",
                "aggregate", "listIndexes", "listCollections", "listDatabases", "hello", "isMaster", "ismaster", "ping",
                "buildInfo", "buildinfo", "endSessions", "dbStats", "collStats", "serverStatus", "getParameter",
                "connectionStatus");

        /** Checkpoints between two looks at how full the file is (2 s). */
        private static final int COMPACT_EVERY = 10;

        /**
         * Below this share of live data in the file (percent), sparse chunks are
         * rewritten.
         */
        private static final int FILL_RATE = 60;

        /** The most one compaction rewrites. */
        private static final int COMPACT_BYTES = 8 * 1024 * 1024;

        private final ReadWriteLock lock = new ReentrantReadWriteLock();

        private long checkpoints;

        CheckpointedBackend(MVStore store) {
            super(store);
        }

        void checkpoint() {
            this.lock.writeLock().lock();
            try {
                if (getMvStore().hasUnsavedChanges()) {
                    commit();
                }
                if (++this.checkpoints % COMPACT_EVERY == 0
                        && getMvStore().getFileStore().getChunksFillRate() < FILL_RATE) {
                    compact();
                }
            }
            finally {
                this.lock.writeLock().unlock();
            }
        }

        /**
         * Rewrites the live pages of sparse chunks, a few megabytes at a time, and
         * commits, so the space of old versions is used again. MVStore does this in its
         * background thread, which a store that commits itself does not run: without it
         * the file grows without end, and so does the time to open it after a crash (the
         * figures are in docs/performance.md). Runs under the exclusive lock, so a commit
         * still holds a prefix of the commands.
         */
        private void compact() {
            if (getMvStore().compact(FILL_RATE, COMPACT_BYTES)) {
                commit();
            }
        }

        /**
         * Databases opened (no initializer: the super constructor opens the file's
         * databases).
         */
        private int opened;

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            countOpened();
            return new IndexedH2Database(databaseName);
        }

        private synchronized void countOpened() {
            this.opened++;
        }

        /** How many databases were opened, for tests: each once, however often listed. */
        synchronized int databasesOpened() {
            return this.opened;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if (isListDatabases(databaseName, command)) {
                return listDatabases(listDatabaseNames());
            }
            return super.handleCommand(channel, databaseName, command, query);
        }

        private static boolean isListDatabases(String databaseName, String command) {
            return databaseName.equals("admin") && command.equalsIgnoreCase("listDatabases");
        }

        /**
         * {@code listDatabases}, answered from the databases the server has open.
         * mongo-java-server opens every database again to list it, and a database of the
         * file then reads every collection and builds every index again: for one
         * {@code show dbs} against the file of a benchmark run, the store's CPU for
         * minutes and a second copy of its indexes in a heap that holds one.
         */
        private Document listDatabases(Set<String> names) {
            List<Document> databases = new ArrayList<>();
            for (String name : new TreeSet<>(names)) {
                MongoDatabase database = resolveDatabase(name);
                databases.add(new Document("name", database.getDatabaseName()).append("empty", database.isEmpty()));
            }
            return new Document("databases", databases).append("ok", 1.0);
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            if (readsOnly(message.getDocument())) {
                return super.handleMessage(message);
            }
            return shared(() -> super.handleMessage(message));
        }

        /** Whether the command only reads, by its name, the first key of its document. */
        static boolean readsOnly(Document command) {
            if (command.isEmpty()) {
                return false;
            }
            String name = command.keySet().iterator().next();
            if (!READS.contains(name)) {
                return false;
            }
            if (!name.equals("aggregate")) {
                return true;
            }
            Object pipeline = command.get("pipeline");
            if (!(pipeline instanceof List<?> stages)) {
                return false;
            }
            for (Object stage : stages) {
                if (!(stage instanceof Document document) || document.containsKey("$out")
                        || document.containsKey("$merge")) {
                    return false;
                }
            }
            return true;
        }

        /** The exclusive lock a checkpoint holds while it commits and compacts. */
        Lock checkpointLock() {
            return this.lock.writeLock();
        }

        @Override
        public QueryResult handleQuery(MongoQuery query) {
            return shared(() -> super.handleQuery(query));
        }

        @Override
        public void dropDatabase(String databaseName) {
            shared(() -> {
                super.dropDatabase(databaseName);
                return null;
            });
        }

        private <T> T shared(Supplier<T> command) {
            this.lock.readLock().lock();
            try {
                return command.get();
            }
            finally {
                this.lock.readLock().unlock();
            }
        }

        /**
         * H2's database with {@link IndexedH2Collection}s (an inner class: the store is
         * read in the super constructor).
         */
        final class IndexedH2Database extends H2Database {

            /**
             * The collections the file held, while the super constructor opens them and
             * their indexes (no initializer: it would run after that constructor).
             */
            private List<IndexedH2Collection> opening;

            /** Set once the super constructor has opened what the file held. */
            private boolean opened;

            IndexedH2Database(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
                if (this.opening != null) {
                    this.opening.forEach(IndexedH2Collection::fillIndexes);
                    this.opening = null;
                }
                this.opened = true;
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
                MVMap<Object, byte[]> data = DocumentFormat.open(getMvStore(), "databases." + namespace, meta);
                IndexedH2Collection collection = new IndexedH2Collection(this, collectionName, options, data, meta,
                        getCursorRegistry());
                if (!this.opened) {
                    // the file's indexes are opened one by one next: filled in one pass
                    // once all are
                    collection.deferIndexFills();
                    if (this.opening == null) {
                        this.opening = new ArrayList<>();
                    }
                    this.opening.add(collection);
                }
                return collection;
            }

            /**
             * A unique index over a map whose keys are {@link UniqueKeyType}s, converted
             * first if the file holds it in the older form.
             */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
                MVMap<KeyValue, Object> positions = DocumentFormat.openUniqueKeys(getMvStore(),
                        namespace + "._index_" + indexName, meta);
                return new UniqueKeyIndex(positions, indexName, keys, sparse);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                    List<IndexKey> keys, boolean sparse) {
                Index<Object> index = PlannedIndex.of(indexName, keys, sparse);
                return index != null ? index
                        : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }

            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                    Oplog oplog) {
                if (command.equalsIgnoreCase("createIndexes")) {
                    return createIndexes(channel, command, query, resolver, oplog);
                }
                Document answer = MatchFirstAggregation.answer(this, cursorRegistry, command, query, resolver, oplog);
                return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
            }

            /**
             * The indexes of one {@code createIndexes} command, filled in one pass over
             * the collection, as a real MongoDB builds them: each of a rebuild's five
             * article indexes read all documents again. The database's monitor is taken
             * first, as mongo-java-server's own {@code addIndex} takes it before the
             * collection's lock, and the collection's lock is held throughout, so no
             * write lands between an index's registration and its fill.
             */
            private Document createIndexes(Channel channel, String command, Document query, DatabaseResolver resolver,
                    Oplog oplog) {
                synchronized (this) {
                    if (resolveCollection((String) query.get(command),
                            false) instanceof IndexedH2Collection collection) {
                        return collection.lock().writing(() -> {
                            collection.deferIndexFills();
                            try {
                                return super.handleCommand(channel, command, query, resolver, oplog);
                            }
                            finally {
                                collection.fillIndexes();
                            }
                        });
                    }
                    return super.handleCommand(channel, command, query, resolver, oplog);
                }
            }

        }

    }

    /**
     * The collection of the H2 store: its queries are planned by {@link IndexPlan}, and
     * run beside each other under its {@link CollectionLock}. mongo-java-server uses an
     * index only when the filter names exactly the index's fields, and keeps no secondary
     * index, so each guarded write ({@code _id} and revision) and each page scanned the
     * whole collection.
     */
    static final class IndexedH2Collection extends H2Collection
            implements CollectionLock.Locked, MatchFirstAggregation.Counted {

        private final CollectionLock lock = new CollectionLock();

        /**
         * The documents, each as its BSON ({@link BsonBytesType}). H2's collection is
         * handed the same map as its own {@code MVMap<Object, Document>}, and every
         * method of it that reads or writes that map is overridden here (a test checks
         * that none is left), so it never sees a value.
         */
        private final MVMap<Object, byte[]> documents;

        /**
         * Indexes registered and not yet filled, while fills are deferred; otherwise
         * null.
         */
        private List<PlannedIndex<Object>> unfilled;

        IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, byte[]> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, asDocuments(documents), meta, cursors);
            this.documents = documents;
        }

        @SuppressWarnings({ "unchecked", "rawtypes" })
        private static MVMap<Object, Document> asDocuments(MVMap<Object, byte[]> documents) {
            return (MVMap) documents;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = (getIdField() != null) ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
            byte[] previous = this.documents.put(Missing.ofNullable(key), BsonBytesType.encode(document));
            if (previous != null) {
                throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
            }
            return key;
        }

        @Override
        public int count() {
            return this.documents.size();
        }

        @Override
        public boolean isEmpty() {
            return this.documents.isEmpty();
        }

        /** The document at {@code position}, decoded into one of the caller's own. */
        @Override
        protected Document getDocument(Object position) {
            return BsonBytesType.decode(this.documents.get(position));
        }

        @Override
        protected void removeDocument(Object position) {
            if (this.documents.remove(position) == null) {
                throw new NoSuchElementException("No document with key " + position);
            }
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return this.documents.entrySet()
                .stream()
                .map(entry -> new DocumentWithPosition<>(BsonBytesType.decode(entry.getValue()), entry.getKey()));
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            Omission omission = Omission.of(query, orderBy, fieldSelector, getIdField());
            Stream<Document> stream;
            if (isNaturalDescending(orderBy)) {
                stream = this.documents.entrySet()
                    .stream()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getKey(), b.getKey()))
                    .map(entry -> omission.decode(entry.getValue()));
            }
            else {
                stream = this.documents.values().stream().map(omission::decode);
            }
            return matchDocumentsFromStream(stream, query, orderBy, numberToSkip, limit, batchSize,
                    omission.projection());
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            this.documents.put(Missing.ofNullable(position), BsonBytesType.encode(newDocument));
        }

        @Override
        public QueryResult handleQuery(QueryParameters parameters) {
            CollectionLock.Selector selector = CollectionLock.Selector.of(parameters);
            return this.lock
                .reading(() -> queryDocuments(selector.filter(), selector.orderBy(), parameters.getNumberToSkip(),
                        parameters.getLimit(), parameters.getBatchSize(), parameters.getProjection()));
        }

        @Override
        public int count(Document query, int skip, int limit) {
            return this.lock.readingInPlace(() -> super.count(query, skip, limit));
        }

        @Override
        public Document handleDistinct(Document query) {
            return this.lock.readingInPlace(() -> super.handleDistinct(query).cloneDeeply());
        }

        @Override
        public Document getStats() {
            return this.lock.reading(super::getStats);
        }

        @Override
        public Document validate() {
            return this.lock.reading(super::validate);
        }

        @Override
        public void addDocument(Document document) {
            this.lock.writing(() -> super.addDocument(document));
        }

        @Override
        public void addDocuments(Stream<Document> documents) {
            this.lock.writing(() -> super.addDocuments(documents));
        }

        @Override
        public void removeDocument(Document document) {
            this.lock.writing(() -> super.removeDocument(document));
        }

        @Override
        public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
            return this.lock.writing(() -> super.insertDocuments(documents, isOrdered));
        }

        @Override
        public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti,
                boolean isUpsert, Oplog oplog) {
            return this.lock
                .writing(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
        }

        @Override
        public int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return this.lock.writing(() -> super.deleteDocuments(selector, limit, oplog));
        }

        @Override
        public Document findAndModify(Document query) {
            return this.lock.writing(() -> super.findAndModify(query));
        }

        @Override
        public void dropIndex(String indexName) {
            this.lock.writing(() -> super.dropIndex(indexName));
        }

        @Override
        public void drop() {
            this.lock.writing(super::drop);
        }

        @Override
        public void renameTo(MongoDatabase newDatabase, String newCollectionName) {
            this.lock.writing(() -> super.renameTo(newDatabase, newCollectionName));
        }

        @Override
        public CollectionLock lock() {
            return this.lock;
        }

        /**
         * The index keys of what {@code filter} finds where one index holds every field
         * it reads, otherwise the documents decoded with only those fields and
         * {@code _id}.
         */
        @Override
        public List<Document> counted(Document filter) {
            return this.lock.reading(() -> MatchFirstAggregation.Counted.answer(getIndexes(), filter,
                    this::documentMatchesQuery, () -> queryDocuments(filter, null, 0, 0, 0, new Document("_id", 1))));
        }

        /**
         * Builds an index of the store's own (when the file opens or a service creates
         * it) in one pass over the documents: mongo-java-server reads them twice, to
         * check them and then to add them, which only a unique index needs. While fills
         * are deferred ({@link #deferIndexFills}), it is registered empty and filled by
         * {@link #fillIndexes} with the others in the same pass.
         */
        @Override
        public void addIndex(Index<Object> index) {
            this.lock.writing(() -> {
                if (index instanceof PlannedIndex<Object> planned && planned.isEmpty()
                        && getIndexes().stream().noneMatch(existing -> existing.getName().equals(index.getName()))) {
                    if (this.unfilled != null) {
                        // registered as mongo-java-server registers a filled one (its
                        // own addIndex would fill an empty index twice over)
                        this.unfilled.add(planned);
                        getIndexes().add(index);
                        return;
                    }
                    fill(List.of(planned));
                }
                super.addIndex(index);
            });
        }

        /**
         * Indexes added from now on are filled by {@link #fillIndexes}, all in one pass.
         * The caller holds the lock from this call to that one, or no other thread can
         * reach the collection yet (the file is being opened).
         */
        void deferIndexFills() {
            this.unfilled = new ArrayList<>();
        }

        /** Fills the indexes added since {@link #deferIndexFills}, in one pass. */
        void fillIndexes() {
            this.lock.writing(() -> {
                List<PlannedIndex<Object>> indexes = this.unfilled;
                this.unfilled = null;
                if (indexes != null && !indexes.isEmpty()) {
                    fill(indexes);
                }
            });
        }

        /**
         * Fills {@code indexes} from the documents decoded with only the top-level fields
         * their keys read: an article's paragraphs and photos, most of its bytes, are
         * stepped over when the file opens.
         */
        private void fill(List<PlannedIndex<Object>> indexes) {
            List<PlannedIndex.Fill<Object>> fills = indexes.stream().map(index -> index.fill(this)).toList();
            Set<String> read = new HashSet<>();
            if (getIdField() != null) {
                read.add(getIdField());
            }
            for (PlannedIndex<Object> index : indexes) {
                for (IndexKey key : index.getKeys()) {
                    int dot = key.getKey().indexOf('.');
                    read.add((dot < 0) ? key.getKey() : key.getKey().substring(0, dot));
                }
            }
            this.documents.entrySet().forEach(stored -> {
                Document document = BsonBytesType.decodeOnly(stored.getValue(), read);
                for (PlannedIndex.Fill<Object> fill : fills) {
                    fill.add(document, stored.getKey());
                }
            });
            fills.forEach(PlannedIndex.Fill::finish);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            IndexPlan<Object> plan = IndexPlan.of(getIndexes(), query, orderBy);
            if (plan == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Omission omission = Omission.of(query, orderBy, fieldSelector, getIdField());
            return matchDocumentsFromStream(plan.documents(position -> omission.decode(this.documents.get(position))),
                    plan.residual(query), plan.sortLeft(orderBy), numberToSkip, limit, batchSize,
                    omission.projection());
        }

    }

    /** The in-memory backend with {@link IndexedMemoryCollection}s. */
    static final class IndexedMemoryBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new IndexedMemoryCollection(this, collectionName, options, getCursorRegistry());
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    Index<Integer> index = PlannedIndex.of(indexName, keys, sparse);
                    return index != null ? index
                            : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
                }

                @Override
                public Document handleCommand(Channel channel, String command, Document query,
                        DatabaseResolver resolver, Oplog oplog) {
                    Document answer = MatchFirstAggregation.answer(this, cursorRegistry, command, query, resolver,
                            oplog);
                    return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
                }
            };
        }

    }

    /**
     * The collection of the in-memory store: its queries are planned by
     * {@link IndexPlan}, and run beside each other under its {@link CollectionLock}.
     */
    static final class IndexedMemoryCollection extends MemoryCollection
            implements CollectionLock.Locked, MatchFirstAggregation.Counted {

        private final CollectionLock lock = new CollectionLock();

        IndexedMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
        }

        @Override
        public QueryResult handleQuery(QueryParameters parameters) {
            CollectionLock.Selector selector = CollectionLock.Selector.of(parameters);
            return this.lock
                .reading(() -> queryDocuments(selector.filter(), selector.orderBy(), parameters.getNumberToSkip(),
                        parameters.getLimit(), parameters.getBatchSize(), parameters.getProjection()));
        }

        @Override
        public int count(Document query, int skip, int limit) {
            return this.lock.readingInPlace(() -> super.count(query, skip, limit));
        }

        @Override
        public Document handleDistinct(Document query) {
            return this.lock.readingInPlace(() -> super.handleDistinct(query).cloneDeeply());
        }

        @Override
        public Document getStats() {
            return this.lock.reading(super::getStats);
        }

        @Override
        public Document validate() {
            return this.lock.reading(super::validate);
        }

        @Override
        public void addDocument(Document document) {
            this.lock.writing(() -> super.addDocument(document));
        }

        @Override
        public void addDocuments(Stream<Document> documents) {
            this.lock.writing(() -> super.addDocuments(documents));
        }

        @Override
        public void removeDocument(Document document) {
            this.lock.writing(() -> super.removeDocument(document));
        }

        @Override
        public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
            return this.lock.writing(() -> super.insertDocuments(documents, isOrdered));
        }

        @Override
        public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters, boolean isMulti,
                boolean isUpsert, Oplog oplog) {
            return this.lock
                .writing(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
        }

        @Override
        public int deleteDocuments(Document selector, int limit, Oplog oplog) {
            return this.lock.writing(() -> super.deleteDocuments(selector, limit, oplog));
        }

        @Override
        public Document findAndModify(Document query) {
            return this.lock.writing(() -> super.findAndModify(query));
        }

        @Override
        public void dropIndex(String indexName) {
            this.lock.writing(() -> super.dropIndex(indexName));
        }

        @Override
        public void drop() {
            this.lock.writing(super::drop);
        }

        @Override
        public void renameTo(MongoDatabase newDatabase, String newCollectionName) {
            this.lock.writing(() -> super.renameTo(newDatabase, newCollectionName));
        }

        @Override
        protected QueryResult createQueryResult(List<Document> found, int batchSize) {
            return super.createQueryResult(this.lock.snapshot(found), batchSize);
        }

        @Override
        public CollectionLock lock() {
            return this.lock;
        }

        @Override
        public void addIndex(Index<Integer> index) {
            this.lock.writing(() -> super.addIndex(index));
        }

        /**
         * The index keys of what {@code filter} finds where one index holds every field
         * it reads, otherwise the stored documents it finds.
         */
        @Override
        public List<Document> counted(Document filter) {
            return this.lock.reading(() -> MatchFirstAggregation.Counted.answer(getIndexes(), filter,
                    this::documentMatchesQuery, () -> queryDocuments(filter, null, 0, 0, 0, null)));
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            IndexPlan<Integer> plan = IndexPlan.of(getIndexes(), query, orderBy);
            if (plan == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocumentsFromStream(plan.documents(this::getDocument), plan.residual(query),
                    plan.sortLeft(orderBy), numberToSkip, limit, batchSize, fieldSelector);
        }

    }

}
