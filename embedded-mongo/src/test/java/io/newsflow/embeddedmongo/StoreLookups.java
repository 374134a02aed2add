package io.newsflow.embeddedmongo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.newsflow.processes.Ports;
import org.bson.Document;

/**
 * A benchmark harness of the file store alone, in one JVM (not a test): it writes a
 * collection of article-sized documents (with a term index and a compound index, as
 * article-service has), reopens the file with a cold page cache (the indexes filled
 * again, as a restart fills them), then looks documents up by {@code _id} from two client
 * threads as article-service does (search fields left out) and upserts them again as the
 * consume leg does. It prints the latencies, the bytes the server's threads allocated per
 * lookup and per write, and the collections, the figures that tell a change of the
 * store's value handling by itself.
 * <p>
 * Run it from the module, after {@code ../mvnw test-compile}: <pre>
 * java -Xmx1g -XX:+UseParallelGC -Xmn192m -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *     io.newsflow.embeddedmongo.StoreLookups /tmp/store 50000 40000
 * </pre> ({@code target/test.cp} from
 * {@code ../mvnw dependency:build-classpath -Dmdep.outputFile=target/test.cp}). A
 * directory that already holds the file is reused as it is.
 */
public final class StoreLookups {

    private static final int THREADS = 2;

    private static final String TEXT = "서울 시내버스 노선이 다음 달부터 바뀐다. 시는 출퇴근 시간대 배차 간격을 줄이고 심야 노선을 늘리기로 했다고 밝혔다. ";

    private StoreLookups() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/store-lookups");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 40_000;
        int port = Ports.free();
        if (!Files.exists(directory.resolve("newsflow.mv"))) {
            long started = System.nanoTime();
            try (EmbeddedMongo mongo = EmbeddedMongo.start(directory, port);
                    MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> articles = articles(client);
                // article-service's shapes: a term index and a compound listing order
                articles.createIndex(Indexes.ascending("tokens"));
                articles.createIndex(Indexes.compoundIndex(Indexes.ascending("source"),
                        Indexes.descending("publishedAt"), Indexes.descending("_id")));
                for (int from = 0; from < count; from += 500) {
                    List<ReplaceOneModel<Document>> bulk = new ArrayList<>();
                    for (int i = from; i < Math.min(count, from + 500); i++) {
                        bulk.add(new ReplaceOneModel<>(Filters.eq("_id", id(i)), article(i, 1),
                                new ReplaceOptions().upsert(true)));
                    }
                    articles.bulkWrite(bulk);
                }
            }
            System.out.printf("wrote %,d documents in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
        }
        long opened = System.nanoTime();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(directory, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            System.out.printf("opened in %.1f s%n", (System.nanoTime() - opened) / 1e9);
            MongoCollection<Document> articles = articles(client);
            articles.find(Filters.eq("_id", id(0))).first();
            measure("lookups (cold cache first)", lookups, count, (i, random) -> {
                Document found = articles.find(Filters.eq("_id", id(random.nextInt(count))))
                    .projection(Projections.exclude("tokens", "fingerprint"))
                    .first();
                if (found == null) {
                    throw new IllegalStateException("not found");
                }
            });
            measure("lookups (warm)", lookups, count,
                    (i, random) -> articles.find(Filters.eq("_id", id(random.nextInt(count))))
                        .projection(Projections.exclude("tokens", "fingerprint"))
                        .first());
            measure("upserts, newer revision", lookups / 4, count, (i, random) -> {
                int n = random.nextInt(count);
                articles.replaceOne(Filters.and(Filters.eq("_id", id(n)), Filters.lt("revision", 2 + i)),
                        article(n, 2 + i), new ReplaceOptions().upsert(false));
            });
        }
    }

    private interface Operation {

        void run(int i, SplittableRandom random) throws Exception;

    }

    private static void measure(String name, int operations, int count, Operation operation) throws Exception {
        Map<Long, Long> allocatedBefore = allocated();
        long collectionsBefore = collections()[0];
        long collectedMillisBefore = collections()[1];
        long[] latencies = new long[operations];
        ExecutorService clients = Executors.newFixedThreadPool(THREADS, runnable -> new Thread(runnable, "client"));
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            running.add(clients.submit(() -> {
                SplittableRandom random = new SplittableRandom(31 + thread);
                for (int i = thread; i < operations; i += THREADS) {
                    long begun = System.nanoTime();
                    operation.run(i, random);
                    latencies[i] = System.nanoTime() - begun;
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        Map<Long, Long> allocatedAfter = allocated();
        long server = 0;
        for (Map.Entry<Long, Long> thread : allocatedAfter.entrySet()) {
            long before = allocatedBefore.getOrDefault(thread.getKey(), 0L);
            server += thread.getValue() - before;
        }
        Arrays.sort(latencies);
        System.out.printf(
                "%-28s %,8d ops %,7.0f/s  p50 %6.2f  p99 %6.2f  max %7.2f ms  server threads %,6.0f KB/op  %d GCs %d ms%n",
                name, operations, operations / seconds, latencies[operations / 2] / 1e6,
                latencies[operations * 99 / 100] / 1e6, latencies[operations - 1] / 1e6, server / 1024.0 / operations,
                collections()[0] - collectionsBefore, collections()[1] - collectedMillisBefore);
    }

    /** Bytes allocated so far by each live thread except the client threads. */
    private static Map<Long, Long> allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && !info.getThreadName().equals("client")) {
                allocated.put(info.getThreadId(), threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return allocated;
    }

    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += collector.getCollectionCount();
            millis += collector.getCollectionTime();
        }
        return new long[] { count, millis };
    }

    private static MongoCollection<Document> articles(MongoClient client) {
        return client.getDatabase("newsflow_articles").getCollection("articles");
    }

    private static String id(int i) {
        return String.format("%016x", i * 0x9E3779B97F4A7C15L);
    }

    /** An article of about the benchmark's size: 5 KB of text, its tokens and story. */
    private static Document article(int i, int revision) {
        SplittableRandom random = new SplittableRandom(i);
        List<Document> paragraphs = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            paragraphs.add(new Document("text", TEXT.repeat(2 + random.nextInt(3)) + i));
        }
        for (int t = 0; t < 300; t++) {
            tokens.add("토큰" + random.nextInt(5_000));
        }
        return new Document("_id", id(i)).append("revision", revision)
            .append("title", "시내버스 노선 개편 " + i)
            .append("source", "outlet-" + (i % 40))
            .append("url", "https://news.example.kr/articles/" + i)
            .append("publishedAt", new java.util.Date(1_790_000_000_000L + i * 60_000L))
            .append("paragraphs", paragraphs)
            .append("photos", List.of(new Document("caption", "정류장 모습 " + i).append("credit", "기자 " + i % 9)))
            .append("story", "story-" + (i / 7))
            .append("removed", false)
            .append("tokens", tokens)
            .append("fingerprint", Long.toHexString(random.nextLong()));
    }

}
