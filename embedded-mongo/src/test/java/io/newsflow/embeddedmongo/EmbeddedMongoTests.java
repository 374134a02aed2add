package io.newsflow.embeddedmongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import io.newsflow.processes.Ports;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The embedded store keeps a prefix of the writes through a crash. A copy of its file
 * taken while a client writes is what a SIGKILL would leave behind (the page cache
 * survives a process); every copy that holds a position must hold every document written
 * before it, as the read models' stored offsets rely on. MVStore's own background commit
 * failed this: it kept positions whose documents it had lost.
 */
class EmbeddedMongoTests {

    @TempDir
    Path directory;

    /**
     * 2,000 documents (about 8 MB), then 400 commits of 100 of them picked at random
     * (about 160 MB of writes), as read models are written: old chunks keep a few live
     * documents each, which MVStore frees only once it rewrites them. The file stays
     * within a small multiple of what it holds; it grew by every write before the store
     * compacted.
     */
    @Test
    void theFileStaysNearTheSizeOfWhatItHoldsWhileDocumentsAreRewritten() throws Exception {
        Path live = this.directory.resolve("rewritten");
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(EmbeddedMongo.Store.H2, live, port, 0, 0);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            var documents = client.getDatabase("model").getCollection("documents");
            ReplaceOptions upsert = new ReplaceOptions().upsert(true);
            SplittableRandom random = new SplittableRandom(7);
            for (int round = 0; round < 420; round++) {
                List<Integer> ids = new ArrayList<>();
                if (round < 20) {
                    for (int i = round * 100; i < round * 100 + 100; i++) {
                        ids.add(i);
                    }
                }
                else {
                    for (int i = 0; i < 100; i++) {
                        ids.add(random.nextInt(2000));
                    }
                }
                for (int id : ids) {
                    documents.replaceOne(Filters.eq("_id", "d" + id),
                            new Document("_id", "d" + id).append("round", round)
                                .append("text", ("본문 " + round + " ").repeat(400)),
                            upsert);
                }
                mongo.checkpoint();
            }
            assertThat(documents.countDocuments()).isEqualTo(2000);
            assertThat(Files.size(live.resolve("newsflow.mv"))).as("bytes on disk for about 8 MB of documents")
                .isLessThan(40L * 1024 * 1024);
        }
    }

    @Test
    void whatACrashLeavesIsAPrefixOfTheWrites() throws Exception {
        Path live = this.directory.resolve("live");
        int port = Ports.free();
        List<Path> copies = new ArrayList<>();
        long written;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(live, port);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            var documents = client.getDatabase("model").getCollection("documents");
            var positions = client.getDatabase("offsets").getCollection("positions");
            AtomicBoolean writing = new AtomicBoolean(true);
            long[] count = { 0 };
            Thread writer = new Thread(() -> {
                ReplaceOptions upsert = new ReplaceOptions().upsert(true);
                while (writing.get()) {
                    long next = count[0];
                    List<Document> batch = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        batch.add(new Document("_id", next + i).append("text", "문서 " + (next + i) + " ".repeat(200)));
                    }
                    documents.insertMany(batch);
                    positions.replaceOne(Filters.eq("_id", "p"), new Document("_id", "p").append("next", next + 20),
                            upsert);
                    count[0] = next + 20;
                }
            });
            writer.start();
            for (int i = 0; i < 25; i++) {
                Thread.sleep(60 + i * 7 % 50);
                Path copy = Files.createDirectories(this.directory.resolve("crash-" + i));
                Files.copy(live.resolve("newsflow.mv"), copy.resolve("newsflow.mv"),
                        StandardCopyOption.REPLACE_EXISTING);
                copies.add(copy);
            }
            writing.set(false);
            writer.join();
            written = count[0];
        }
        assertThat(written).as("documents written while the copies were taken").isGreaterThan(1000);
        Set<Long> positionsSeen = new HashSet<>();
        for (Path copy : copies) {
            // opened as the stack opens its file after a crash
            try (EmbeddedMongo opened = EmbeddedMongo.start(copy, Ports.free());
                    MongoClient client = MongoClients.create(opened.connectionString())) {
                Document position = client.getDatabase("offsets").getCollection("positions").find().first();
                long next = position == null ? 0 : position.getLong("next");
                positionsSeen.add(next);
                long held = client.getDatabase("model")
                    .getCollection("documents")
                    .countDocuments(Filters.lt("_id", next));
                assertThat(held).as("documents below the position %d in %s", next, copy.getFileName()).isEqualTo(next);
            }
        }
        assertThat(positionsSeen).as("copies taken at different moments").hasSizeGreaterThan(5);
    }

    /**
     * The read models' version guard, answered through the document's key, keeps
     * MongoDB's meaning.
     */
    @Test
    void aFilterOnTheIdAndMoreFindsWhatMongoDbFinds() throws Exception {
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory.resolve("guard"), port);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            var posts = client.getDatabase("boards").getCollection("posts");
            for (int i = 0; i < 2000; i++) {
                posts.insertOne(new Document("_id", "free:" + i).append("revision", 5L).append("title", "글 " + i));
            }
            posts.insertOne(new Document("_id", 7).append("revision", 5L));
            var upsert = new UpdateOptions().upsert(true);

            posts.updateOne(Filters.and(Filters.eq("_id", "free:10"), Filters.lt("revision", 6L)),
                    new Document("$set", new Document("revision", 6L).append("title", "새 제목")), upsert);
            assertThat(posts.find(Filters.eq("_id", "free:10")).first()).containsEntry("revision", 6L)
                .containsEntry("title", "새 제목");

            assertThat(catchThrowableOfType(MongoWriteException.class,
                    () -> posts.updateOne(Filters.and(Filters.eq("_id", "free:11"), Filters.lt("revision", 5L)),
                            new Document("$set", new Document("revision", 5L).append("title", "옛 제목")), upsert))
                .getError()
                .getCode()).as("an older revision collides on _id").isEqualTo(11000);
            assertThat(posts.find(Filters.eq("_id", "free:11")).first()).containsEntry("title", "글 11");

            posts.updateOne(Filters.and(Filters.eq("_id", "new"), Filters.lt("revision", 1L)),
                    new Document("$set", new Document("revision", 1L)), upsert);
            assertThat(posts.countDocuments(Filters.and(Filters.eq("_id", "new"), Filters.eq("revision", 1L))))
                .isEqualTo(1);
            assertThat(posts.countDocuments(Filters.and(Filters.eq("_id", "free:12"), Filters.gt("revision", 5L))))
                .isZero();
            assertThat(posts.countDocuments(Filters.and(Filters.eq("_id", 7), Filters.eq("revision", 5L))))
                .as("non-string ids take the server's own path")
                .isEqualTo(1);
            assertThat(posts.countDocuments()).isEqualTo(2002);
        }
    }

    /**
     * A checkpoint holds the store's exclusive lock while it commits and compacts: reads
     * (a lookup, a count, a query paged with getMore) are answered meanwhile, and a write
     * waits until the commit is done, so a commit still holds a prefix of the writes.
     */
    @Test
    void readsAreAnsweredWhileACheckpointHoldsTheStoreAndWritesWaitForIt() throws Exception {
        int port = Ports.free();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory.resolve("locks"), port);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            var documents = client.getDatabase("model").getCollection("documents");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(new Document("_id", i).append("title", "문서 " + i));
            }
            documents.insertMany(batch);
            Lock checkpoint = mongo.backend().checkpointLock();
            Future<?> write;
            checkpoint.lock();
            try {
                Future<Document> lookup = clients.submit(() -> documents.find(Filters.eq("_id", 42)).first());
                Future<Long> count = clients.submit(() -> documents.countDocuments());
                assertThat(lookup.get(30, TimeUnit.SECONDS)).containsEntry("title", "문서 42");
                assertThat(count.get(30, TimeUnit.SECONDS)).isEqualTo(100);
                assertThat(clients.submit(() -> documents.find().batchSize(7).into(new ArrayList<>()))
                    .get(30, TimeUnit.SECONDS)).hasSize(100);
                write = clients.submit(() -> documents.insertOne(new Document("_id", 100)));
                Thread.sleep(500);
                assertThat(write).as("a write during the checkpoint").isNotDone();
            }
            finally {
                checkpoint.unlock();
            }
            write.get(30, TimeUnit.SECONDS);
            assertThat(documents.countDocuments()).isEqualTo(101);
        }
        finally {
            clients.shutdownNow();
        }
    }

    /** Only commands that cannot change a collection skip the checkpoint's lock. */
    @Test
    void theCommandsThatSkipTheLockAreThoseThatOnlyRead() {
        Map<String, Object> match = Map.of("$match", Map.of("board", "free"));
        assertThat(readsOnly("find", "posts")).isTrue();
        assertThat(readsOnly("getMore", 12L)).isTrue();
        assertThat(readsOnly("aggregate", "posts", "pipeline", List.of(match))).isTrue();
        assertThat(readsOnly("aggregate", "posts", "pipeline", List.of(match, Map.of("$out", "copy")))).isFalse();
        assertThat(readsOnly("aggregate", "posts", "pipeline", List.of(Map.of("$merge", "copy")))).isFalse();
        assertThat(readsOnly("aggregate", "posts")).as("an aggregation without a pipeline").isFalse();
        for (String write : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop",
                "dropDatabase", "Find")) {
            assertThat(readsOnly(write, "posts")).as(write).isFalse();
        }
    }

    /**
     * Whether the server's command of these keys and values (maps and lists as the server
     * parses them: its own documents) skips the lock.
     */
    private static boolean readsOnly(Object... keysAndValues) {
        de.bwaldvogel.mongo.bson.Document command = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            command.append((String) keysAndValues[i], server(keysAndValues[i + 1]));
        }
        return EmbeddedMongo.CheckpointedBackend.readsOnly(command);
    }

    private static Object server(Object value) {
        if (value instanceof Map<?, ?> map) {
            de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
            map.forEach((key, inner) -> document.append((String) key, server(inner)));
            return document;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(EmbeddedMongoTests::server).toList();
        }
        return value;
    }

}
