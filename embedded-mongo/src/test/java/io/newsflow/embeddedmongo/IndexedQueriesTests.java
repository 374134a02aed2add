package io.newsflow.embeddedmongo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Field;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.newsflow.processes.Ports;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's indexes change how fast a query is answered, never what it
 * answers: the same writes and queries, on the store and on mongo-java-server as it is
 * (which scans and sorts), give the same documents in the same order. The writes insert,
 * replace, update and delete documents shaped like the read models' (and some that are
 * not: numbers of three types, missing and null fields, an array where a key was a
 * value); the queries are the services' shapes and their neighbours (equality prefixes,
 * ranges, keyset cursors, token searches, counts, aggregations that start with a match),
 * drawn at random from a fixed seed.
 */
class IndexedQueriesTests {

    private static final String[] BOARDS = { "free", "humor", "news", "ask" };

    private static final String[] AUTHORS = { "kim", "lee", "park", "choi", "jung" };

    private static final String[] TOKENS = { "서울", "경제", "날씨", "선거", "축구", "야구", "학교", "시장", "주가", "환율", "태풍", "전시" };

    @TempDir
    Path directory;

    private MongoServer plain;

    private MongoClient plainClient;

    @BeforeEach
    void startPlainServer() {
        this.plain = new MongoServer(new MemoryBackend());
        int port = Ports.free();
        this.plain.bind("127.0.0.1", port);
        this.plainClient = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    @AfterEach
    void stopPlainServer() {
        this.plainClient.close();
        this.plain.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(EmbeddedMongo.Store.class)
    void everyQueryAnswersAsAScanDoes(EmbeddedMongo.Store store) throws Exception {
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(store, this.directory, port, 16);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> indexed = posts(client);
            MongoCollection<Document> scanned = posts(this.plainClient);
            SplittableRandom random = new SplittableRandom(20261127);
            for (int round = 0; round < 12; round++) {
                // the last rounds put arrays where the compound keys expect values
                writeToBoth(random, 150, round >= 9, indexed, scanned);
                assertSameAnswers(40, indexed, scanned, random);
            }
        }
    }

    /**
     * The indexes are built again from the file when the store opens (all entries at
     * once): a store reopened answers as the one that wrote it, arrays in compound keys
     * included, and goes on doing so through the writes after it.
     */
    @ParameterizedTest
    @EnumSource(value = EmbeddedMongo.Store.class, names = { "H2", "H2_CACHE" })
    void aReopenedStoreAnswersAsTheOneThatWroteIt(EmbeddedMongo.Store store) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        int port = Ports.free();
        MongoCollection<Document> scanned = posts(this.plainClient);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(store, this.directory, port, 16);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> written = posts(client);
            writeToBoth(random, 600, false, written, scanned);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(store, this.directory, port, 16);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> reopened = client.getDatabase("board").getCollection("posts");
            assertSameAnswers(150, reopened, scanned, random);
            writeToBoth(random, 300, false, reopened, scanned);
            assertSameAnswers(50, reopened, scanned, random);
            writeToBoth(random, 400, true, reopened, scanned);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(store, this.directory, port, 16);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> reopened = client.getDatabase("board").getCollection("posts");
            assertSameAnswers(150, reopened, scanned, random);
        }
    }

    /**
     * Indexes created in one command over documents already stored (a rebuild's shadow)
     * are filled in one pass: they answer as a scan does, go on doing so through the
     * writes after them, and creating them again (every service start) changes nothing.
     */
    @ParameterizedTest
    @EnumSource(value = EmbeddedMongo.Store.class, names = { "H2", "H2_CACHE" })
    void indexesCreatedTogetherOverStoredDocumentsAnswerAsAScanDoes(EmbeddedMongo.Store store) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(store, this.directory, port, 16);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> loaded = client.getDatabase("board").getCollection("posts");
            MongoCollection<Document> scanned = posts(this.plainClient);
            writeToBoth(random, 600, false, loaded, scanned);
            loaded.createIndexes(INDEXES);
            assertSameAnswers(100, loaded, scanned, random);
            writeToBoth(random, 300, false, loaded, scanned);
            loaded.createIndexes(INDEXES);
            assertThat(loaded.listIndexes()).hasSize(INDEXES.size() + 1);
            assertSameAnswers(100, loaded, scanned, random);
        }
    }

    /**
     * {@code listDatabases} ({@code show dbs}) answers from the open databases: it opens
     * none again (mongo-java-server opened each to list it, and a database of the file
     * then built all its indexes again), names every database, and what it lists still
     * answers as a scan does.
     */
    @ParameterizedTest
    @EnumSource(value = EmbeddedMongo.Store.class, names = { "H2", "H2_CACHE" })
    void listingTheDatabasesOpensNoneAgain(EmbeddedMongo.Store store) throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(store, this.directory, port, 16);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> written = posts(client);
            MongoCollection<Document> scanned = posts(this.plainClient);
            writeToBoth(random, 300, false, written, scanned);
            client.getDatabase("empty").createCollection("nothing");
            int opened = mongo.backend().databasesOpened();

            List<Document> listed = client.listDatabases().into(new ArrayList<>());

            assertThat(mongo.backend().databasesOpened()).isEqualTo(opened);
            assertThat(listed).extracting(database -> database.getString("name")).contains("board", "empty");
            assertSameAnswers(50, written, scanned, random);
        }
    }

    /**
     * The read models' shapes of index: compound prefixes (with the fields of the live
     * filter after them, which a count of what it finds is answered from), a keyset
     * order, a term index.
     */
    private static final List<IndexModel> INDEXES = List.of(
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("board"), Indexes.descending("number"),
                    Indexes.ascending("removed"), Indexes.ascending("revision"))),
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("board"), Indexes.ascending("author"),
                    Indexes.descending("number"), Indexes.ascending("removed"), Indexes.ascending("revision"))),
            new IndexModel(Indexes.compoundIndex(Indexes.descending("postedAt"), Indexes.descending("_id"))),
            new IndexModel(Indexes.ascending("tokens")));

    private static MongoCollection<Document> posts(MongoClient client) {
        MongoCollection<Document> posts = client.getDatabase("board").getCollection("posts");
        INDEXES.forEach(index -> posts.createIndex(index.getKeys()));
        return posts;
    }

    /** The same random writes to both collections, one after the other. */
    private static void writeToBoth(SplittableRandom random, int writes, boolean arrays,
            MongoCollection<Document> first, MongoCollection<Document> second) {
        for (int write = 0; write < writes; write++) {
            Function<MongoCollection<Document>, Object> change = randomWrite(random, arrays);
            change.apply(first);
            change.apply(second);
        }
    }

    private static Function<MongoCollection<Document>, Object> randomWrite(SplittableRandom random, boolean arrays) {
        String id = "p" + random.nextInt(400);
        return switch (random.nextInt(10)) {
            case 0 -> collection -> collection.deleteOne(Filters.eq("_id", id));
            case 1 -> {
                Bson change = Updates.combine(Updates.set("removed", true), Updates.inc("revision", 1));
                yield collection -> collection.updateOne(Filters.eq("_id", id), change);
            }
            case 2 -> {
                List<String> tokens = tokens(random);
                yield collection -> collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("revision", 9)),
                        Updates.set("tokens", tokens));
            }
            default -> {
                Document post = post(id, random, arrays);
                yield collection -> collection.replaceOne(Filters.eq("_id", id), post,
                        new ReplaceOptions().upsert(true));
            }
        };
    }

    private static Document post(String id, SplittableRandom random, boolean arrays) {
        Document post = new Document("_id", id).append("board", BOARDS[random.nextInt(BOARDS.length)])
            .append("revision", random.nextInt(3));
        Object number = switch (random.nextInt(6)) {
            case 0 -> (long) random.nextInt(60);
            case 1 -> random.nextInt(60) + 0.0;
            case 2 -> null;
            default -> random.nextInt(60);
        };
        if (random.nextInt(20) > 0) {
            post.append("number", number);
        }
        if (arrays && random.nextInt(40) == 0) {
            // an array in a compound key: that index may no longer serve queries
            post.append("author", List.of(AUTHORS[random.nextInt(AUTHORS.length)], AUTHORS[0]));
        }
        else if (random.nextInt(8) > 0) {
            post.append("author", AUTHORS[random.nextInt(AUTHORS.length)]);
        }
        if (random.nextInt(10) > 0) {
            post.append("postedAt", new Date(1_790_000_000_000L + random.nextInt(40) * 60_000L));
        }
        Object tokens = switch (random.nextInt(20)) {
            case 0 -> TOKENS[random.nextInt(TOKENS.length)];
            // a number beside the strings, which no condition on strings finds
            case 1 -> List.of(7, TOKENS[random.nextInt(TOKENS.length)]);
            default -> tokens(random);
        };
        post.append("tokens", tokens);
        switch (random.nextInt(24)) {
            case 0, 1 -> post.append("removed", true);
            case 2, 3 -> post.append("removed", false);
            case 4 -> post.append("removed", null);
            default -> {
                // most posts of these writes have none, as a field group's document
            }
        }
        return post;
    }

    private static List<String> tokens(SplittableRandom random) {
        List<String> tokens = new ArrayList<>();
        for (int i = random.nextInt(5); i >= 0; i--) {
            tokens.add(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return tokens;
    }

    /** {@code queries} random queries, each answered alike by both collections. */
    private static void assertSameAnswers(int queries, MongoCollection<Document> indexed,
            MongoCollection<Document> scanned, SplittableRandom random) {
        for (int query = 0; query < queries; query++) {
            assertSameAnswers(indexed, scanned, random);
        }
    }

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanned,
            SplittableRandom random) {
        Bson filter = randomFilter(random);
        Bson sort = switch (random.nextInt(5)) {
            case 0 -> Sorts.descending("number");
            case 1 -> Sorts.ascending("number");
            case 2 -> Sorts.descending("postedAt", "_id");
            case 3 -> Sorts.ascending("postedAt", "_id");
            default -> Sorts.ascending("_id");
        };
        int skip = random.nextInt(3) == 0 ? random.nextInt(30) : 0;
        int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(25);
        Bson projection = randomProjection(random);
        String described = filter.toBsonDocument() + " sort " + sort.toBsonDocument() + " skip " + skip + " limit "
                + limit + " projection " + ((projection != null) ? projection.toBsonDocument() : "none");
        List<Document> page = indexed.find(filter)
            .projection(projection)
            .sort(sort)
            .skip(skip)
            .limit(limit)
            .into(new ArrayList<>());
        List<Document> all = scanned.find(filter).projection(projection).sort(sort).into(new ArrayList<>());
        List<Document> window = all.subList(Math.min(skip, all.size()),
                limit == 0 ? all.size() : Math.min(all.size(), skip + limit));
        // documents that tie on the sort may come in any order, as in MongoDB
        List<String> fields = List.copyOf(sort.toBsonDocument().keySet());
        assertThat(sortKeys(page, fields)).as(described).isEqualTo(sortKeys(window, fields));
        assertThat(all).as(described).containsAll(page);
        if (page.stream().allMatch(document -> document.containsKey("_id"))) {
            // without _id, two documents may be projected alike
            assertThat(page).as(described).doesNotHaveDuplicates();
        }
        assertThat(indexed.countDocuments(filter)).as("count " + described).isEqualTo(scanned.countDocuments(filter));
        List<Bson> perBoard = List.of(Aggregates.match(filter),
                Aggregates.group("$board", Accumulators.sum("posts", 1)), Aggregates.sort(Sorts.ascending("_id")));
        assertThat(indexed.aggregate(perBoard).into(new ArrayList<>())).as("aggregate " + described)
            .isEqualTo(scanned.aggregate(perBoard).into(new ArrayList<>()));
        // a count that reads no field of what it counts, and a stage after it
        List<Bson> counted = List.of(Aggregates.match(filter), Aggregates.skip(2), Aggregates.count("n"),
                Aggregates.addFields(new Field<>("counted", true)));
        assertThat(indexed.aggregate(counted).into(new ArrayList<>())).as("$count " + described)
            .isEqualTo(scanned.aggregate(counted).into(new ArrayList<>()));
    }

    private static List<List<Object>> sortKeys(List<Document> documents, List<String> fields) {
        return documents.stream()
            .map(document -> fields.stream()
                .map(field -> document.get(field) instanceof Number number ? (Object) number.doubleValue()
                        : document.get(field))
                .toList())
            .toList();
    }

    /**
     * None, an exclusion of fields the filter and the sort may read too (the store
     * decodes the documents without those it may leave out), sometimes with {@code _id},
     * or an inclusion.
     */
    private static Bson randomProjection(SplittableRandom random) {
        List<String> fields = new ArrayList<>(
                List.of("tokens", "author", "removed", "number", "postedAt", "revision", "board", "_id"));
        return switch (random.nextInt(6)) {
            case 0, 1 -> null;
            case 2 -> Projections.include("board", "number");
            default -> {
                List<String> excluded = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    excluded.add(fields.remove(random.nextInt(fields.size())));
                }
                yield Projections.exclude(excluded);
            }
        };
    }

    private static Bson randomFilter(SplittableRandom random) {
        List<Bson> all = new ArrayList<>();
        switch (random.nextInt(8)) {
            case 0 -> all.add(Filters.eq("_id", "p" + random.nextInt(400)));
            case 1 -> all.add(Filters.in("_id", "p" + random.nextInt(400), "p" + random.nextInt(400)));
            default -> {
            }
        }
        switch (random.nextInt(8)) {
            case 0 -> all.add(Filters.exists("removed", random.nextBoolean()));
            case 1 -> all.add(Filters.eq("removed", null));
            case 2 -> all.add(Filters.or(Filters.eq("removed", false), Filters.gte("revision", 2)));
            case 3 -> all.add(Filters.nor(Filters.eq("removed", true)));
            case 4, 5, 6 -> all.add(Filters.ne("removed", true));
            default -> {
            }
        }
        if (random.nextBoolean()) {
            all.add(Filters.gt("revision", 0));
        }
        if (random.nextInt(3) > 0) {
            all.add(Filters.eq("board", BOARDS[random.nextInt(BOARDS.length)]));
        }
        if (random.nextInt(3) == 0) {
            all.add(Filters.eq("author", AUTHORS[random.nextInt(AUTHORS.length)]));
        }
        switch (random.nextInt(6)) {
            case 0 -> all.add(Filters.gte("number", random.nextInt(60)));
            case 1 -> all.add(Filters.lt("number", (long) random.nextInt(60)));
            case 2 -> {
                Date at = new Date(1_790_000_000_000L + random.nextInt(40) * 60_000L);
                String id = "p" + random.nextInt(400);
                all.add(Filters.or(Filters.lt("postedAt", at),
                        Filters.and(Filters.eq("postedAt", at), Filters.lt("_id", id))));
            }
            case 3 -> all
                .add(Filters.and(Filters.gte("postedAt", new Date(1_790_000_000_000L + random.nextInt(20) * 60_000L)),
                        Filters.lte("postedAt",
                                Date.from(Instant.ofEpochMilli(1_790_000_000_000L + random.nextInt(40) * 60_000L)))));
            case 4 -> all.add(Filters.eq("number", random.nextInt(60) + 0.0));
            default -> {
            }
        }
        switch (random.nextInt(7)) {
            case 0 -> all.add(Filters.all("tokens", tokens(random)));
            case 1 -> all.add(Filters.eq("tokens", TOKENS[random.nextInt(TOKENS.length)]));
            case 2 -> all.add(Filters.in("tokens", tokens(random)));
            case 3 -> all.add(Filters.nor(Filters.all("tokens", tokens(random))));
            // more than the term index answers in one clause: the $nin stays to check
            case 4 -> all.add(new Document("tokens", new Document("$in", tokens(random)).append("$nin",
                    List.of(TOKENS[random.nextInt(TOKENS.length)]))));
            case 5 -> all.add(new Document("tokens", new Document("$eq", TOKENS[random.nextInt(TOKENS.length)])));
            default -> {
            }
        }
        if (all.isEmpty()) {
            return new Document();
        }
        // as Spring Data writes a filter (its fields side by side) or as the driver's
        // Filters.and does (an $and of parts)
        return random.nextBoolean() ? flat(all) : Filters.and(all);
    }

    /** The parts side by side in one document, where no two name the same field. */
    private static Bson flat(List<Bson> parts) {
        BsonDocument flat = new BsonDocument();
        for (Bson part : parts) {
            BsonDocument rendered = part.toBsonDocument();
            if (rendered.keySet().stream().anyMatch(flat::containsKey)) {
                return Filters.and(parts);
            }
            flat.putAll(rendered);
        }
        return flat;
    }

}
