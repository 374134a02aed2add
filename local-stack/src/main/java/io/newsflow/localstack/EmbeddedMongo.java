package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server (a MongoDB wire-protocol server) in the launcher's JVM, persisted to
 * an H2 file under the data directory and listening on loopback. The services reach it as
 * they would reach a real MongoDB: through a connection string.
 * <p>
 * What survives a crash is a prefix of the writes, as a real MongoDB's journal
 * guarantees: the file is committed every {@link #CHECKPOINT_MS} ms while no command
 * runs. MVStore's own background commit captures each map at a different moment while
 * writes go on, so a crash could keep a later write (a read model's stored offsets) and
 * lose an earlier one (the documents those offsets cover): the crash-everything scenario
 * lost whole batches that way.
 */
final class EmbeddedMongo implements AutoCloseable {

    /**
     * The most a crash of the launcher loses: MongoDB's own journal commits every 100 ms.
     */
    static final long CHECKPOINT_MS = 200;

    private final CheckpointedBackend backend;

    private final MongoServer server;

    private final ScheduledExecutorService checkpoints;

    private EmbeddedMongo(CheckpointedBackend backend, MongoServer server, ScheduledExecutorService checkpoints) {
        this.backend = backend;
        this.server = server;
        this.checkpoints = checkpoints;
    }

    static EmbeddedMongo start(Path directory, int port) throws IOException {
        Files.createDirectories(directory);
        CheckpointedBackend backend = new CheckpointedBackend(
                new MVStore.Builder().fileName(directory.resolve("newsflow.mv").toString())
                    .autoCommitDisabled()
                    .open());
        ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(backend::checkpoint, CHECKPOINT_MS, CHECKPOINT_MS, TimeUnit.MILLISECONDS);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(backend, server, checkpoints);
    }

    /** Stops accepting connections and commits the last writes to the file. */
    @Override
    public void close() {
        this.server.shutdownNow();
        this.checkpoints.shutdownNow();
        this.backend.checkpoint();
        this.backend.close();
    }

    /**
     * Runs commands under a shared lock and commits under the exclusive one, so every
     * commit holds exactly the commands completed before it.
     */
    static final class CheckpointedBackend extends H2Backend {

        private final ReadWriteLock lock = new ReentrantReadWriteLock();

        CheckpointedBackend(MVStore store) {
            super(store);
        }

        void checkpoint() {
            this.lock.writeLock().lock();
            try {
                if (getMvStore().hasUnsavedChanges()) {
                    commit();
                }
            }
            finally {
                this.lock.writeLock().unlock();
            }
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IdLookupDatabase(databaseName);
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            return shared(() -> super.handleMessage(message));
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
         * H2's database with {@link IdLookupCollection}s (an inner class: the store is
         * read in the super constructor).
         */
        final class IdLookupDatabase extends H2Database {

            IdLookupDatabase(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
                return new IdLookupCollection(this, collectionName, options, data, meta, getCursorRegistry());
            }

        }

    }

    /**
     * Finds a filter on {@code _id} and more, such as the read models' version guard
     * {@code {_id, revision < n}}, through the document's key, as MongoDB does through
     * its {@code _id} index. mongo-java-server uses an index only when the filter names
     * exactly the index's fields, so each guarded write scanned the whole collection:
     * replaying a batch after a crash over a large collection stalled the consumers for
     * minutes.
     */
    static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            // H2 keys a collection's documents by their _id; strings need no normalising
            // to find them
            if (query.size() > 1 && query.get("_id") instanceof String id && "_id".equals(getIdField())) {
                List<Object> positions = getDocument(id) == null ? List.of() : List.of(id);
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

    }

}
