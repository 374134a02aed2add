package io.newsflow.embeddedmongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.newsflow.processes.Ports;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A benchmark harness of the file store alone, in one JVM (not a test): board-service's
 * listing of a 30,000-post board (a count of its live posts, then a page of 20 newest
 * number first) on two copies of the same posts, one with the listing index as it was
 * ({@code board, number}) and one with the fields of the live filter after them
 * ({@code board, number, removed, revision}), which the store counts from without reading
 * a document. The file is reopened with a cold page cache first, as a restart opens it.
 * <p>
 * Run it from the module, after {@code ../mvnw test-compile}: <pre>
 * java -Xmx1g -XX:+UseParallelGC -Xmn192m -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *     io.newsflow.embeddedmongo.BoardListing /tmp/listing 400
 * </pre> ({@code target/test.cp} from
 * {@code ../mvnw dependency:build-classpath -Dmdep.outputFile=target/test.cp}). A
 * directory that already holds the file is reused as it is.
 */
public final class BoardListing {

    private static final int SEED_BOARD_POSTS = 30_000;

    private static final int OTHER_POSTS = 20_000;

    private static final String[] OTHER_BOARDS = { "humor", "news", "ask", "market" };

    private static final String TEXT = "동네 도서관이 다음 주부터 밤 열 시까지 문을 연다는 소식입니다. 주차장은 그대로라고 합니다. ";

    private BoardListing() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/board-listing");
        int listings = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int port = Ports.free();
        if (!Files.exists(directory.resolve("newsflow.mv"))) {
            long started = System.nanoTime();
            try (EmbeddedMongo mongo = EmbeddedMongo.start(directory, port);
                    MongoClient client = MongoClients.create(mongo.connectionString())) {
                write(posts(client, "before"),
                        Indexes.compoundIndex(Indexes.ascending("board"), Indexes.descending("number")));
                write(posts(client, "covering"), Indexes.compoundIndex(Indexes.ascending("board"),
                        Indexes.descending("number"), Indexes.ascending("removed"), Indexes.ascending("revision")));
            }
            System.out.printf("wrote %,d posts twice in %.1f s%n", SEED_BOARD_POSTS + OTHER_POSTS,
                    (System.nanoTime() - started) / 1e9);
        }
        long opened = System.nanoTime();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(directory, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            System.out.printf("opened in %.1f s%n", (System.nanoTime() - opened) / 1e9);
            for (int round = 0; round < 2; round++) {
                for (String database : List.of("before", "covering")) {
                    MongoCollection<Document> posts = posts(client, database);
                    measure(database + ", count", listings, random -> {
                        long live = posts.countDocuments(live());
                        if (live != livePosts()) {
                            throw new IllegalStateException("counted " + live);
                        }
                    });
                    measure(database + ", listing", listings, random -> {
                        posts.countDocuments(live());
                        List<Document> page = posts.find(live())
                            .sort(Sorts.descending("number"))
                            .skip(20 * random.nextInt(10))
                            .limit(20)
                            .projection(Projections.exclude("body", "tokens"))
                            .into(new ArrayList<>());
                        if (page.size() != 20) {
                            throw new IllegalStateException("a page of " + page.size());
                        }
                    });
                }
            }
        }
    }

    /** PostQueries' filter of a board's listing. */
    private static Bson live() {
        return new Document("removed", new Document("$ne", true)).append("revision", new Document("$gt", 0))
            .append("board", "free");
    }

    private interface Listing {

        void run(SplittableRandom random);

    }

    private static void measure(String name, int times, Listing listing) {
        SplittableRandom random = new SplittableRandom(5);
        long[] latencies = new long[times];
        for (int i = 0; i < times; i++) {
            long begun = System.nanoTime();
            listing.run(random);
            latencies[i] = System.nanoTime() - begun;
        }
        Arrays.sort(latencies);
        System.out.printf("%-22s %,6d  p50 %6.2f  p99 %6.2f  max %7.2f ms%n", name, times, latencies[times / 2] / 1e6,
                latencies[times * 99 / 100] / 1e6, latencies[times - 1] / 1e6);
    }

    private static MongoCollection<Document> posts(MongoClient client, String database) {
        return client.getDatabase(database).getCollection("posts");
    }

    /** The posts as ProjectionWriter stores them: one in 50 a tombstone. */
    private static void write(MongoCollection<Document> posts, Bson index) {
        posts.createIndex(index);
        posts.createIndex(Indexes.ascending("tokens"));
        List<Document> bulk = new ArrayList<>();
        for (int i = 0; i < SEED_BOARD_POSTS + OTHER_POSTS; i++) {
            bulk.add(post(i));
            if (bulk.size() == 500) {
                posts.insertMany(bulk, new InsertManyOptions().ordered(false));
                bulk.clear();
            }
        }
        if (!bulk.isEmpty()) {
            posts.insertMany(bulk);
        }
    }

    /** Three in five posts are on the seed board. */
    private static boolean seed(int i) {
        return i % 5 < 3;
    }

    private static boolean removed(int i) {
        return i % 50 == 0;
    }

    /** The seed board's posts that are not tombstones. */
    private static long livePosts() {
        long live = 0;
        for (int i = 0; i < SEED_BOARD_POSTS + OTHER_POSTS; i++) {
            if (seed(i) && !removed(i)) {
                live++;
            }
        }
        return live;
    }

    private static Document post(int i) {
        SplittableRandom random = new SplittableRandom(i);
        String board = seed(i) ? "free" : OTHER_BOARDS[i % OTHER_BOARDS.length];
        boolean removed = removed(i);
        Document post = new Document("_id", board + ":" + i).append("appliedAt", new Date())
            .append("revision", 1 + random.nextInt(3))
            .append("removed", removed);
        if (removed) {
            return post.append("removedAt", new Date()).append("board", board).append("number", i);
        }
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            tokens.add("낱말" + random.nextInt(3_000));
        }
        return post.append("contentHash", Long.toHexString(random.nextLong()))
            .append("board", board)
            .append("number", i)
            .append("title", "도서관 운영 시간 " + i)
            .append("author", "이웃" + (i % 97))
            .append("postedAt", new Date(1_790_000_000_000L + i * 60_000L))
            .append("views", random.nextInt(5_000))
            .append("body", TEXT.repeat(3 + random.nextInt(6)))
            .append("tokens", tokens);
    }

}
