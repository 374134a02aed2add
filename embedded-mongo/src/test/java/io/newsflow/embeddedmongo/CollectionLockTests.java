package io.newsflow.embeddedmongo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.newsflow.processes.Ports;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads of a collection run beside each other, and each still sees every write whole
 * ({@link CollectionLock}). mongo-java-server ran every command of a collection one after
 * another, so a lookup by id waited for the slowest query before it: the benchmark's
 * lookups waited seconds behind story candidate reads.
 */
class CollectionLockTests {

    /**
     * The characters of the scanned bodies: no body holds the one the regex ends with.
     */
    private static final String SCANNED = "가나".repeat(1_000);

    @TempDir
    Path directory;

    /**
     * A scan that takes seconds (a regex that backtracks over each of 600 bodies of 2,000
     * characters, no index to help) is under way: lookups by id, a count and a page are
     * answered before it ends. Behind the old monitor each waited for the whole scan.
     */
    @ParameterizedTest
    @EnumSource(value = EmbeddedMongo.Store.class, names = { "MEMORY", "H2" })
    void lookupsAreAnsweredWhileASlowQueryOfTheSameCollectionRuns(EmbeddedMongo.Store store) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (EmbeddedMongo mongo = start(store); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("model").getCollection("documents");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                batch.add(new Document("_id", i).append("board", "b" + (i % 3)).append("body", SCANNED));
            }
            documents.insertMany(batch);
            documents.createIndex(Indexes.ascending("board", "_id"));
            ReentrantReadWriteLock lock = (ReentrantReadWriteLock) mongo.collectionLock("model", "documents").lock();
            Future<Integer> scan = clients
                .submit(() -> documents.find(Filters.regex("body", "[가나]*끝")).into(new ArrayList<>()).size());
            while (lock.getReadLockCount() == 0 && !scan.isDone()) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < 20; i++) {
                assertThat(documents.find(Filters.eq("_id", i * 7)).first()).containsEntry("board", "b" + (i * 7 % 3));
            }
            assertThat(documents.countDocuments(Filters.eq("board", "b1"))).isEqualTo(200);
            assertThat(documents.find(Filters.eq("board", "b2"))
                .sort(Sorts.ascending("_id"))
                .limit(5)
                .into(new ArrayList<>())).extracting(document -> document.get("_id")).containsExactly(2, 5, 8, 11, 14);
            assertThat(scan).as("the slow query, when the lookups beside it were answered").isNotDone();
            assertThat(scan.get(5, TimeUnit.MINUTES)).isZero();
        }
        finally {
            clients.shutdownNow();
        }
    }

    /**
     * A read under way holds the collection's shared lock: other reads go on, a write
     * waits for it, so no read sees a document between its old and new index entries.
     */
    @ParameterizedTest
    @EnumSource(value = EmbeddedMongo.Store.class, names = { "MEMORY", "H2" })
    void aWriteWaitsForTheReadsUnderWay(EmbeddedMongo.Store store) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (EmbeddedMongo mongo = start(store); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("model").getCollection("documents");
            documents.insertOne(new Document("_id", 1).append("title", "첫 글"));
            var shared = mongo.collectionLock("model", "documents").lock().readLock();
            Future<?> write;
            shared.lock();
            try {
                assertThat(clients.submit(() -> documents.find(Filters.eq("_id", 1)).first()).get(30, TimeUnit.SECONDS))
                    .containsEntry("title", "첫 글");
                write = clients.submit(() -> documents.updateOne(Filters.eq("_id", 1), Updates.set("title", "고친 글")));
                Thread.sleep(500);
                assertThat(write).as("a write while a read is under way").isNotDone();
            }
            finally {
                shared.unlock();
            }
            write.get(30, TimeUnit.SECONDS);
            assertThat(documents.find(Filters.eq("_id", 1)).first()).containsEntry("title", "고친 글");
        }
        finally {
            clients.shutdownNow();
        }
    }

    /**
     * Two writers move 300 documents between keys of a sorted and a term index while two
     * readers page through both indexes, and aggregate and count: every read finds each
     * document exactly once, in order, with the fields of one write (a + b = 1000). A
     * reply that held the stored documents, which an update changes in place, showed
     * documents half of one write and half of the next, out of order. A read beside an
     * update that had removed a document's old entry and not yet added its new one would
     * miss it.
     */
    @ParameterizedTest
    @EnumSource(value = EmbeddedMongo.Store.class, names = { "MEMORY", "H2" })
    void readsBesideWritesSeeEveryDocumentOnceAndWhole(EmbeddedMongo.Store store) throws Exception {
        int size = 300;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (EmbeddedMongo mongo = start(store); MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("model").getCollection("documents");
            documents.createIndex(Indexes.ascending("group", "a"));
            documents.createIndex(Indexes.ascending("tags"));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(moved(new Document("_id", i).append("group", i % 2), i));
            }
            documents.insertMany(batch);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                SplittableRandom random = new SplittableRandom(w);
                writers.add(threads.submit(() -> {
                    int writes = 0;
                    while (writing.get()) {
                        int id = random.nextInt(size);
                        int a = random.nextInt(1000);
                        if (random.nextBoolean()) {
                            documents.replaceOne(Filters.eq("_id", id), moved(new Document("group", id % 2), a));
                        }
                        else {
                            documents.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("a", a),
                                    Updates.set("b", 1000 - a), Updates.set("tags", tags(a))));
                        }
                        writes++;
                    }
                    return writes;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    int reads = 0;
                    for (; reads < 150; reads++) {
                        List<Document> group = documents.find(Filters.eq("group", reads % 2))
                            .sort(Sorts.ascending("a"))
                            .batchSize(1_000)
                            .into(new ArrayList<>());
                        assertWhole(group, size / 2);
                        assertThat(group).extracting(document -> document.getInteger("a")).isSorted();
                        List<Document> tagged = documents
                            .find(Filters.in("tags", List.of("even", "odd", "low", "high")))
                            .batchSize(1_000)
                            .into(new ArrayList<>());
                        assertWhole(tagged, size);
                        List<Document> matched = documents
                            .aggregate(List.of(Aggregates.match(Filters.eq("group", reads % 2)),
                                    Aggregates.sort(Sorts.ascending("a"))))
                            .batchSize(1_000)
                            .into(new ArrayList<>());
                        assertWhole(matched, size / 2);
                        assertThat(documents.countDocuments(Filters.eq("group", reads % 2))).isEqualTo(size / 2);
                    }
                    return reads;
                }));
            }
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(5, TimeUnit.MINUTES)).isEqualTo(150);
            }
            writing.set(false);
            for (Future<Integer> writer : writers) {
                assertThat(writer.get(1, TimeUnit.MINUTES)).isPositive();
            }
        }
        finally {
            writing.set(false);
            threads.shutdownNow();
        }
    }

    private static void assertWhole(List<Document> found, int expected) {
        Set<Object> ids = new HashSet<>();
        for (Document document : found) {
            assertThat(ids.add(document.get("_id"))).as("found twice: %s", document).isTrue();
            int a = document.getInteger("a");
            assertThat(document.getInteger("b")).as("b of %s", document).isEqualTo(1000 - a);
            assertThat(document.getList("tags", String.class)).as("tags of %s", document).isEqualTo(tags(a));
        }
        assertThat(ids).hasSize(expected);
    }

    private static Document moved(Document document, int a) {
        return document.append("a", a).append("b", 1000 - a).append("tags", tags(a));
    }

    private static List<String> tags(int a) {
        return List.of(a % 2 == 0 ? "even" : "odd", a < 500 ? "low" : "high");
    }

    private EmbeddedMongo start(EmbeddedMongo.Store store) throws IOException {
        return EmbeddedMongo.start(store, this.directory.resolve(store.id()), Ports.free(), 0);
    }

}
