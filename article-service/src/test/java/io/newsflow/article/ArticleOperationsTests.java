package io.newsflow.article;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.ArticlePublished;
import io.newsflow.contracts.ArticleRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.Outcome;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.ops.DeadLetterEndpoint;
import io.newsflow.projection.ops.DeadLetter;
import io.newsflow.projection.ops.ReadModelRebuild;
import io.newsflow.projection.ops.RebuildEndpoint;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operators' tools of the management port: dead letters and the rebuild of the read
 * model.
 */
@SpringBootTest(
        properties = { "spring.config.name=" + ArticleApplication.CONFIG_NAME, "newsflow.projection.rebuild-grace=2s" })
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
class ArticleOperationsTests {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final RawTopics TOPICS = RawTopics.shared();

    /** Writes dead letters as an earlier version of the service would have. */
    private static final KafkaProducer<String, String> DEAD_LETTERS = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers()),
            new StringSerializer(), new StringSerializer());

    @Autowired
    private MockMvc mvc;

    @Autowired
    private DeadLetterEndpoint deadLetters;

    @Autowired
    private RebuildEndpoint rebuild;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private ReadModel readModel;

    @Autowired
    private ProjectionWriter<ArticleEvent> writer;

    @Test
    void poisonRecordIsListedWithItsOriginAndCanBeDiscarded() {
        String key = newId();
        TOPICS.send(Topics.ARTICLES, key, "{\"type\":\"ArticlePublished\",\"articleId\":");

        DeadLetter letter = await().atMost(WITHIN).until(() -> pending(key), found -> found != null);
        assertThat(letter.originalTopic()).isEqualTo(Topics.ARTICLES);
        assertThat(letter.originalOffset()).isNotNull();
        assertThat(letter.exception()).contains("DeserializationException");

        this.deadLetters.act(letter.id(), "discard");

        assertThat(pending(key)).isNull();
        assertThatThrownBy(() -> this.deadLetters.act(letter.id(), "replay")).hasMessageContaining("already handled");
    }

    /**
     * A letter the topic does not hold is answered at once (it took a 30 s scan): an
     * offset past the end, and a partition the topic does not have.
     */
    @Test
    void aDeadLetterTheTopicDoesNotHoldIsNotFoundWithoutAScan() {
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            assertThatThrownBy(() -> this.deadLetters.act("0-999999999", "replay"))
                .hasMessageContaining("No dead letter");
            assertThatThrownBy(() -> this.deadLetters.act("97-0", "discard")).hasMessageContaining("No dead letter");
        });
    }

    @Test
    void deadLettersAreListedAtAnyCountPageByPageAndPendingCountsWhatIsUnhandledNow() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String key = newId();
            keys.add(key);
            deadLetter(key, "{\"type\":\"ArticlePublished\",\"articleId\":\"" + key + "\"}");
        }
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            @SuppressWarnings("unchecked")
            Map<String, Object> page = this.deadLetters.pending(cursor, 5);
            @SuppressWarnings("unchecked")
            List<DeadLetter> records = (List<DeadLetter>) page.get("records");
            assertThat(records).hasSizeLessThanOrEqualTo(5);
            records.forEach(letter -> {
                assertThat(ids).doesNotContain(letter.id());
                ids.add(letter.id());
                seen.add(letter.key());
            });
            cursor = (String) page.get("nextCursor");
            pages++;
        }
        while (cursor != null);
        assertThat(seen).containsAll(keys);
        assertThat(pages).isGreaterThanOrEqualTo(5);

        long pendingBefore = ((Number) this.deadLetters.pending(null, 1).get("pending")).longValue();
        DeadLetter first = pending(keys.get(0));
        assertThat(this.deadLetters.act(first.id(), "replay").outcome()).contains("still cannot be applied");
        assertThat(((Number) this.deadLetters.pending(null, 1).get("pending")).longValue()).isEqualTo(pendingBefore);
        assertThat(this.deadLetters.act(first.id(), "discard").outcome()).isEqualTo("discarded");
        assertThat(((Number) this.deadLetters.pending(null, 1).get("pending")).longValue())
            .isEqualTo(pendingBefore - 1);
        assertThat(((Number) this.deadLetters.pending(null, 1).get("held")).longValue())
            .isGreaterThan(pendingBefore - 1);
    }

    /**
     * A replay of all reads the topic once and writes a poll's records as one batch (it
     * opened a consumer per letter and re-read every handled id each time: quadratic, and
     * at this size far beyond the timeout). Every letter is applied and none is left
     * pending; a second replay finds nothing to do.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    @SuppressWarnings("unchecked")
    void replayingTenThousandDeadLettersReadsTheTopicOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String id = newId();
            ids.add(id);
            DEAD_LETTERS.send(deadLetterRecord(id, article(id, 1, "다시 보낸 기사 " + i)));
        }
        DEAD_LETTERS.flush();
        long pendingBefore = ((Number) this.deadLetters.pending(null, 1).get("pending")).longValue();

        Map<String, Object> answer = this.deadLetters.actOnAll("replay");

        Map<String, Integer> outcomes = (Map<String, Integer>) answer.get("outcomes");
        assertThat(outcomes.get("replayed")).isGreaterThanOrEqualTo(10_000);
        for (String id : List.of(ids.get(0), ids.get(4_999), ids.get(9_999))) {
            this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(status().isOk());
        }
        assertThat(((Number) this.deadLetters.pending(null, 1).get("pending")).longValue())
            .isLessThanOrEqualTo(pendingBefore - 10_000);
        Map<String, Integer> again = (Map<String, Integer>) this.deadLetters.actOnAll("replay").get("outcomes");
        assertThat(again).doesNotContainKey("replayed");
    }

    @Test
    void replayedDeadLetterIsAppliedThroughTheGuard() throws Exception {
        String id = newId();
        deadLetter(id, article(id, 3, "고친 뒤 다시 보낸 기사"));
        DeadLetter letter = await().atMost(WITHIN).until(() -> pending(id), found -> found != null);

        this.deadLetters.act(letter.id(), "replay");

        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("고친 뒤 다시 보낸 기사")));
        assertThat(pending(id)).isNull();
    }

    @Test
    void rebuildFillsAShadowCollectionAndSwitchesToIt() throws Exception {
        String kept = newId();
        String removed = newId();
        TOPICS.send(Topics.ARTICLES, kept, article(kept, 1, "재구축 뒤에도 남을 기사"));
        TOPICS.send(Topics.ARTICLES, removed, article(removed, 1, "지워질 기사"));
        TOPICS.send(Topics.ARTICLES, removed, JSON
            .writeValueAsString(new ArticleRemoved(UUID.randomUUID().toString(), Instant.now(), 1, removed, 2)));
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles/" + kept)).andExpect(status().isOk()));
        String servedBefore = this.readModel.collection();
        List<String> indexes = indexNames(servedBefore);

        assertThat(this.rebuild.start().state()).isEqualTo(ReadModelRebuild.State.RUNNING);
        await().atMost(WITHIN).until(() -> this.rebuild.status().state() != ReadModelRebuild.State.RUNNING);

        assertThat(this.rebuild.status().state()).isEqualTo(ReadModelRebuild.State.SWITCHED);
        assertThat(this.rebuild.status().recordsRead()).isGreaterThanOrEqualTo(3);
        assertThat(this.readModel.collection()).isNotEqualTo(servedBefore).isEqualTo(this.rebuild.status().shadow());
        // built after the bulk read, before the switch
        assertThat(indexNames(this.readModel.collection())).containsExactlyInAnyOrderElementsOf(indexes);
        this.mvc.perform(get("/api/v1/articles/" + kept))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("재구축 뒤에도 남을 기사"));
        this.mvc.perform(get("/api/v1/articles/" + removed)).andExpect(status().isNotFound());
        String after = newId();
        TOPICS.send(Topics.ARTICLES, after, article(after, 1, "전환 뒤에 온 기사"));
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles/" + after)).andExpect(status().isOk()));
    }

    /**
     * Writers insert first: an article the collection holds collides and takes the
     * version guard.
     */
    @Test
    void anInsertThatCollidesWithAStoredArticleStillKeepsItsNewerRevision() throws Exception {
        String id = newId();
        TOPICS.send(Topics.ARTICLES, id, article(id, 20, "둘째 판"));
        await().atMost(WITHIN)
            .untilAsserted(
                    () -> this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(jsonPath("$.title").value("둘째 판")));

        Outcome older = this.writer.write(List.of(JSON.readValue(article(id, 10, "첫 판"), ArticleEvent.class)));
        assertThat(older.stale()).isEqualTo(1);
        this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(jsonPath("$.title").value("둘째 판"));

        Outcome newer = this.writer.write(List.of(JSON.readValue(article(id, 30, "셋째 판"), ArticleEvent.class)));
        assertThat(newer.applied()).isEqualTo(1);
        this.mvc.perform(get("/api/v1/articles/" + id))
            .andExpect(jsonPath("$.title").value("셋째 판"))
            .andExpect(jsonPath("$.revision").value(30));
    }

    /** The pending dead letter of {@code key}, looked for through every page. */
    @SuppressWarnings("unchecked")
    private DeadLetter pending(String key) {
        String cursor = null;
        do {
            Map<String, Object> page = this.deadLetters.pending(cursor, 7);
            for (DeadLetter letter : (List<DeadLetter>) page.get("records")) {
                if (key.equals(letter.key())) {
                    return letter;
                }
            }
            cursor = (String) page.get("nextCursor");
        }
        while (cursor != null);
        return null;
    }

    /** A dead letter as an earlier version of the service would have written it. */
    private List<String> indexNames(String collection) {
        return this.mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }

    private static void deadLetter(String key, String json) throws Exception {
        DEAD_LETTERS.send(deadLetterRecord(key, json)).get();
    }

    private static ProducerRecord<String, String> deadLetterRecord(String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.deadLetter(Topics.ARTICLES), key, json);
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.ARTICLES.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(42).array());
        record.headers()
            .add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                    "outlet not recognised by version 0.0.9".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String article(String id, long revision, String title) {
        return JSON.writeValueAsString(new ArticlePublished(UUID.randomUUID().toString(), Instant.now(), 1, id,
                revision, "hash-" + title, null, title, List.of(), List.of("본문."), List.of(), "운영일보", null,
                Instant.parse("2024-07-24T00:00:00Z"), null, List.of(), "ko"));
    }

    private static String newId() {
        return "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

}
