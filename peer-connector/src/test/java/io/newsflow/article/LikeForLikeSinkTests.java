package io.newsflow.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.kafka.connect.sink.MongoSinkTask;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.embeddedmongo.EmbeddedMongo;
import io.newsflow.projection.Change;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The like-for-like peer, through the connector's own sink task with the benchmark's
 * settings ({@code like-for-like.properties}) and Kafka Connect's JSON converter, into
 * the embedded MongoDB server: it stores what article-service's own projection makes of
 * the same event (the test sits in article-service's package to reach it), and keeps the
 * newer revision whatever order the records come in.
 */
class LikeForLikeSinkTests {

    private static final String TOPIC = "newsflow.articles.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedMongo mongo;

    private static MongoClient client;

    private final AtomicLong offsets = new AtomicLong();

    private final JsonConverter converter = new JsonConverter();

    private MongoSinkTask task;

    private MongoCollection<BsonDocument> stored;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongo.inMemory(0);
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void startTask() throws IOException {
        this.converter.configure(Map.of("schemas.enable", "false"), false);
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("like-for-like.properties"))) {
            settings.load(reader);
        }
        Map<String, String> properties = new HashMap<>();
        settings.stringPropertyNames().forEach(name -> properties.put(name, settings.getProperty(name)));
        properties.put("topics", TOPIC);
        properties.put("connection.uri", mongo.connectionString());
        properties.put("database", "peer");
        properties.put("collection", "articles");
        this.stored = client.getDatabase("peer").getCollection("articles", BsonDocument.class);
        this.stored.drop();
        this.task = new MongoSinkTask();
        this.task.start(properties);
    }

    @AfterEach
    void stopTask() {
        this.task.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/samples/article-published.json", "/fixtures/reposted-article.json",
            "/fixtures/article-without-body.json" })
    void storesEveryFieldArticleServiceStores(String resource) throws IOException {
        String json = read(resource);
        Change.Replace change = (Change.Replace) new ArticleProjection(new SimpleMeterRegistry())
            .change(JSON.readValue(json, ArticleEvent.class));

        this.task.put(List.of(record(json)));

        BsonDocument peer = this.stored.find().first();
        BsonDocument expected = change.fields()
            .toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());
        expected.entrySet().removeIf(field -> field.getValue().isNull());
        assertThat(expected).containsKeys("tokens", "headTokens", "publishedAt", "acceptedAt");
        for (Map.Entry<String, BsonValue> field : expected.entrySet()) {
            assertThat(peer.get(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
        }
        List<String> fields = new ArrayList<>(expected.keySet());
        fields.addAll(List.of("_id", "revision", "contentHash", "removed", "appliedAt"));
        assertThat(peer.keySet()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(peer.getString("_id").getValue()).isEqualTo(change.id());
        assertThat(peer.getInt64("revision").getValue()).isEqualTo(change.revision());
        assertThat(peer.getString("contentHash").getValue()).isEqualTo(change.contentHash());
        assertThat(peer.getBoolean("removed").getValue()).isFalse();
    }

    @Test
    void aLongBodyIsStoredWithItsStoryFingerprint() throws IOException {
        this.task.put(List.of(record(read("/fixtures/reposted-article.json"))));

        assertThat(this.stored.find().first()).containsKeys("fingerprint", "bands");
    }

    @Test
    void keepsTheNewerRevisionInAnyOrderAndWritesTheRestOfTheBatch() throws IOException {
        String newer = revision(read("/fixtures/reposted-article.json"), 3, "세 번째 고친 제목");
        String older = revision(read("/fixtures/reposted-article.json"), 2, "두 번째 고친 제목");
        String another = read("/samples/article-published.json");

        this.task.put(List.of(record(newer), record(older), record(another)));
        this.task.put(List.of(record(older)));

        assertThat(this.stored.countDocuments()).isEqualTo(2);
        BsonDocument peer = this.stored.find(byId(newer)).first();
        assertThat(peer.getInt64("revision").getValue()).isEqualTo(JSON.readTree(newer).get("revision").asLong());
        assertThat(peer.getString("title").getValue()).isEqualTo("세 번째 고친 제목");
    }

    @Test
    void aRemovalLeavesATombstoneThatAnOlderPublishCannotUndo() throws IOException {
        String published = read("/fixtures/reposted-article.json");
        ObjectNode removal = (ObjectNode) JSON.readTree(read("/samples/article-removed.json"));
        removal.put("articleId", JSON.readTree(published).get("articleId").asString());
        removal.put("revision", JSON.readTree(published).get("revision").asLong() + 1);

        this.task.put(List.of(record(published), record(JSON.writeValueAsString(removal))));
        this.task.put(List.of(record(published)));

        BsonDocument peer = this.stored.find().first();
        assertThat(peer.getBoolean("removed").getValue()).isTrue();
        assertThat(peer).doesNotContainKeys("title", "tokens", "fingerprint");
    }

    @Test
    void anUnreadableRecordIsSkippedAndTheRestOfItsBatchStored() throws IOException {
        ObjectNode poison = (ObjectNode) JSON.readTree(read("/samples/article-published.json"));
        poison.remove("articleId");

        this.task.put(List.of(record(JSON.writeValueAsString(poison)), record(read("/fixtures/reposted-article.json")),
                record(read("/samples/article-published.json"))));

        assertThat(this.stored.countDocuments()).isEqualTo(2);
    }

    private static BsonDocument byId(String json) {
        return new BsonDocument("_id", new BsonString(JSON.readTree(json).get("articleId").asString()));
    }

    private static String revision(String json, long revision, String title) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(json);
        event.put("revision", event.get("revision").asLong() + revision);
        event.put("title", title);
        return JSON.writeValueAsString(event);
    }

    private SinkRecord record(String json) {
        SchemaAndValue value = this.converter.toConnectData(TOPIC, json.getBytes(StandardCharsets.UTF_8));
        String key = JSON.readTree(json).path("articleId").asString(null);
        return new SinkRecord(TOPIC, 0, Schema.OPTIONAL_STRING_SCHEMA, key, value.schema(), value.value(),
                this.offsets.getAndIncrement());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = LikeForLikeSinkTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
