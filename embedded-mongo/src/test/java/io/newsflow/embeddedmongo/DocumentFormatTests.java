package io.newsflow.embeddedmongo;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import io.newsflow.processes.Ports;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The file holds documents as BSON: every BSON type a client stores comes back as it was
 * after the store is opened again, and a file written in mongo-java-server's older form
 * (Java serialization) is converted when it opens, including after a conversion a crash
 * cut short.
 */
class DocumentFormatTests {

    @TempDir
    Path directory;

    @Test
    void everyTypeOfValueComesBackAsItWasStored() throws Exception {
        List<Document> written = documents(300);
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            collection(client).insertMany(written);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(read(client)).isEqualTo(asBson(written));
        }
    }

    /**
     * A query whose projection leaves fields out reads the documents without decoding
     * them: each field of every type is stepped over, and the fields after it come back
     * as they were stored.
     */
    @Test
    void everyTypeOfValueIsSteppedOverWhenAQueryLeavesItOut() throws Exception {
        List<Document> written = documents(40);
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory, Ports.free());
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            collection(client).insertMany(written);
            for (Document document : written) {
                BsonDocument stored = document.toBsonDocument();
                for (String field : stored.keySet()) {
                    if (field.equals("_id")) {
                        continue;
                    }
                    BsonDocument expected = stored.clone();
                    expected.remove(field);
                    assertThat(collection(client).withDocumentClass(BsonDocument.class)
                        .find(Filters.eq("_id", document.get("_id")))
                        .projection(Projections.exclude(field))
                        .first()).as("without " + field).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * H2's collection is handed the map of bytes as a map of documents: every method of
     * it that could reach the map is the store's own, except those that read only the
     * collection's meta map (a newer mongo-java-server that adds one fails here).
     */
    @Test
    void noMethodOfH2sCollectionReachesTheDocumentsMap() throws Exception {
        Set<String> metaOnly = Set.of("updateDataSize", "getDataSize");
        for (Method method : H2Collection.class.getDeclaredMethods()) {
            if (method.isSynthetic() || metaOnly.contains(method.getName())) {
                continue;
            }
            assertThat(EmbeddedMongo.IndexedH2Collection.class.getDeclaredMethod(method.getName(),
                    method.getParameterTypes()))
                .as(method.toString())
                .isNotNull();
        }
    }

    /**
     * The {@code _id} index holds MongoDB's keys, not Java objects: numbers of the three
     * types name the same key (a second document with that key is refused, a lookup with
     * another type finds it), before and after the file is opened again.
     */
    @Test
    void theIdIndexHoldsOneKeyForEqualNumbers() throws Exception {
        int port = Ports.free();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            collection(client).insertOne(new Document("_id", 7).append("n", 1));
            collection(client).insertOne(new Document("_id", "7").append("n", 2));
            assertTheIdIndexHoldsOneKeyForEqualNumbers(client);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory, port);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertTheIdIndexHoldsOneKeyForEqualNumbers(client);
        }
    }

    private static void assertTheIdIndexHoldsOneKeyForEqualNumbers(MongoClient client) {
        assertThat(catchThrowableOfType(MongoWriteException.class,
                () -> collection(client).insertOne(new Document("_id", 7.0).append("n", 3))))
            .isNotNull();
        assertThat(catchThrowableOfType(MongoWriteException.class,
                () -> collection(client).insertOne(new Document("_id", 7L).append("n", 4))))
            .isNotNull();
        assertThat(collection(client).find(Filters.eq("_id", 7L)).first()).containsEntry("n", 1);
        assertThat(collection(client).find(Filters.eq("_id", 7.0)).first()).containsEntry("n", 1);
        assertThat(collection(client).find(Filters.eq("_id", "7")).first()).containsEntry("n", 2);
        assertThat(collection(client).countDocuments()).isEqualTo(2);
    }

    /**
     * The older form is what {@code H2Backend} writes: opened by the store, the same
     * documents are found, by the indexes too, and they are still there once converted
     * (the conversion is kept: the next opening finds the mark).
     */
    @Test
    void aFileOfTheOlderFormIsConvertedWhenItOpens() throws Exception {
        List<Document> written = documents(DocumentFormat.STEP * 2 + 123);
        writeTheOlderForm(written);

        assertTheStoreHolds(written);
        try (MVStore file = MVStore.open(this.directory.resolve("newsflow.mv").toString())) {
            MVMap<String, Object> meta = file.openMap("meta.formats.items");
            assertThat(meta.get(DocumentFormat.MARK)).isEqualTo(DocumentFormat.BSON);
            assertThat(meta.get(DocumentFormat.KEYS_MARK_PREFIX + "formats.items._index__id_"))
                .isEqualTo(DocumentFormat.BSON);
            assertThat(file.getMapNames()).noneMatch(name -> name.startsWith("converting."));
        }
        assertTheStoreHolds(written);
    }

    /**
     * A crash during a conversion leaves a partial copy beside the whole older map: the
     * next opening drops the copy and converts again.
     */
    @Test
    void aConversionCutShortIsMadeAgain() throws Exception {
        List<Document> written = documents(500);
        writeTheOlderForm(written);
        try (MVStore file = MVStore.open(this.directory.resolve("newsflow.mv").toString())) {
            MVMap<Object, byte[]> copy = file.openMap("converting.databases.formats.items",
                    new MVMap.Builder<Object, byte[]>().valueType(new BsonBytesType()));
            copy.put("partial", BsonBytesType.encode(new de.bwaldvogel.mongo.bson.Document("_id", "partial")));
            file.commit();
        }

        assertTheStoreHolds(written);
    }

    private void writeTheOlderForm(List<Document> documents) {
        MVStore file = new MVStore.Builder().fileName(this.directory.resolve("newsflow.mv").toString()).open();
        H2Backend backend = new H2Backend(file);
        MongoServer server = new MongoServer(backend);
        int port = Ports.free();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            collection(client).createIndex(Indexes.compoundIndex(Indexes.ascending("board"), Indexes.descending("n")));
            collection(client).insertMany(documents);
        }
        server.shutdownNow();
        file.close();
    }

    private void assertTheStoreHolds(List<Document> written) throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(this.directory, Ports.free());
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(read(client)).isEqualTo(asBson(written));
            List<Object> listed = collection(client).find(Filters.eq("board", "b3"))
                .sort(Sorts.descending("n"))
                .map(document -> document.get("_id"))
                .into(new ArrayList<>());
            List<Object> expected = written.stream()
                .filter(document -> "b3".equals(document.get("board")))
                .sorted((a, b) -> Integer.compare(b.getInteger("n"), a.getInteger("n")))
                .map(document -> document.get("_id"))
                .toList();
            assertThat(listed).isNotEmpty().isEqualTo(expected);
            // the _id index, converted: it finds each document and refuses its key again
            for (Document document : written.subList(0, 50)) {
                assertThat(collection(client).find(Filters.eq("_id", document.get("_id"))).first())
                    .containsEntry("title", document.get("title"));
            }
            assertThat(catchThrowableOfType(MongoWriteException.class,
                    () -> collection(client).insertOne(new Document("_id", written.get(3).get("_id")))))
                .isNotNull();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("formats").getCollection("items");
    }

    private static List<BsonDocument> read(MongoClient client) {
        return collection(client).withDocumentClass(BsonDocument.class)
            .find()
            .sort(Sorts.ascending("_id"))
            .into(new ArrayList<>());
    }

    private static List<BsonDocument> asBson(List<Document> documents) {
        return documents.stream().map(Document::toBsonDocument).toList();
    }

    /** Documents holding every BSON type a client stores, Korean text and nesting. */
    private static List<Document> documents(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document document = new Document("_id", String.format("d%06d", i)).append("board", "b" + (i % 7))
                .append("n", i * 7919 % 1_000)
                .append("title", "서울 시내 버스 노선 개편 " + i + " — 첫날 풍경")
                .append("long", 1L << 40 | i)
                .append("double", i / 3.0)
                .append("decimal", Decimal128.parse(i + ".25"))
                .append("flag", i % 2 == 0)
                .append("nothing", null)
                .append("at", new Date(1_790_000_000_000L + i * 1_000L))
                .append("objectId", new ObjectId(new Date(1_790_000_000_000L), i))
                .append("uuid", new BsonBinary(new UUID(i, -i)))
                .append("bytes", new BsonBinary(new byte[] { 0, 1, (byte) i, -1 }))
                .append("timestamp", new BsonTimestamp(1_790_000_000, i))
                .append("pattern", new BsonRegularExpression("^제목.*" + i, "i"))
                .append("min", new BsonMinKey())
                .append("max", new BsonMaxKey())
                .append("tokens", List.of("서울", "버스", "노선" + i % 5))
                .append("nested", new Document("caption", "사진 설명 " + i).append("credit",
                        new Document("name", "기자").append("sizes", List.of(1, 2L, 3.5, List.of("깊이")))));
            documents.add(document);
        }
        return documents;
    }

}
