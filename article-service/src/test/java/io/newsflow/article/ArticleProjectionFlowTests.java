package io.newsflow.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.ArticlePublished.Caption;
import io.newsflow.contracts.ArticlePublished;
import io.newsflow.contracts.ArticleRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Article events written to the real topic, as ingest writes them, and read back through
 * the API: the version guard, removals with tombstones and poison records.
 */
@SpringBootTest(properties = "spring.config.name=" + ArticleApplication.CONFIG_NAME)
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
class ArticleProjectionFlowTests {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final RawTopics TOPICS = RawTopics.shared();

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MeterRegistry registry;

    @Test
    void olderEventArrivingLateChangesNothing() throws Exception {
        String id = newId();
        send(id, article(id, 20, "둘째 판 제목"));
        awaitTitle(id, "둘째 판 제목");
        double stale = outcomes("stale");

        send(id, article(id, 10, "첫 판 제목"));
        awaitMarker();

        this.mvc.perform(get("/api/v1/articles/" + id))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("둘째 판 제목"))
            .andExpect(jsonPath("$.revision").value(20));
        assertThat(outcomes("stale")).isEqualTo(stale + 1);
    }

    @Test
    void repeatedEventIsCountedAsDuplicateAndChangesNothing() throws Exception {
        String id = newId();
        String event = article(id, 4, "한 번만 반영될 기사");
        send(id, event);
        awaitTitle(id, "한 번만 반영될 기사");
        double applied = outcomes("applied");
        double duplicate = outcomes("duplicate");

        send(id, event);
        awaitMarker();

        assertThat(outcomes("duplicate")).isEqualTo(duplicate + 1);
        assertThat(outcomes("applied")).isEqualTo(applied + 1);
    }

    @Test
    void newerRevisionReplacesTheStoredArticle() throws Exception {
        String id = newId();
        send(id, article(id, 1, "처음 제목"));
        send(id, article(id, 2, "고친 제목"));

        awaitTitle(id, "고친 제목");
        this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(jsonPath("$.revision").value(2));
    }

    @Test
    void removedArticleStaysRemovedWhenAnOlderEventArrivesLate() throws Exception {
        String id = newId();
        send(id, article(id, 5, "곧 삭제될 기사"));
        awaitTitle(id, "곧 삭제될 기사");

        send(id, JSON.writeValueAsString(new ArticleRemoved(UUID.randomUUID().toString(), Instant.now(), 1, id, 9)));
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(status().isNotFound()));
        send(id, article(id, 7, "늦게 도착한 옛 판"));
        awaitMarker();

        this.mvc.perform(get("/api/v1/articles/" + id))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void anArticleTheContractLetsGoWithoutAPublishTimeIsStoredAsPublishedWhenItWasAccepted() throws Exception {
        String id = newId();
        Instant accepted = Instant.parse("2024-07-25T01:02:03Z");
        send(id, JSON.writeValueAsString(
                new ArticlePublished(UUID.randomUUID().toString(), accepted, 1, id, 1, "hash-undated", null, "날짜 없는 기사",
                        List.of(), List.of("날짜 줄이 없는 본문."), List.of(), null, null, null, null, List.of(), "ko")));

        awaitTitle(id, "날짜 없는 기사");
        this.mvc.perform(get("/api/v1/articles/" + id))
            .andExpect(jsonPath("$.publishedAt").value("2024-07-25T01:02:03Z"));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheRecordsBehindItAreStored() throws Exception {
        String poisonKey = newId();
        String behind = newId();
        String invalid = newId();
        try (KafkaConsumer<String, String> dlt = TOPICS.reader(Topics.deadLetter(Topics.ARTICLES))) {
            send(poisonKey, "{\"type\":\"ArticlePublished\", not json");
            send(invalid, article(newId(), 3, "키와 다른 아이디"));
            send(behind, article(behind, 1, "독 레코드 뒤의 기사"));

            awaitTitle(behind, "독 레코드 뒤의 기사");
            List<String> deadKeys = new ArrayList<>();
            await().atMost(WITHIN).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : RawTopics.poll(dlt, Duration.ofMillis(500))) {
                    deadKeys.add(record.key());
                    assertThat(record.headers().lastHeader("kafka_dlt-original-topic")).isNotNull();
                    assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                }
                assertThat(deadKeys).contains(poisonKey, invalid);
            });
        }
        this.mvc.perform(get("/api/v1/articles/" + invalid)).andExpect(status().isNotFound());
    }

    /**
     * Sends a marker article and waits until it is readable. Events on one partition are
     * applied in order, so every event sent before it to the same partition has been
     * handled by then.
     */
    private void awaitMarker() throws Exception {
        String marker = newId();
        send(marker, article(marker, 1, "순서 확인용 기사"));
        awaitTitle(marker, "순서 확인용 기사");
    }

    private double outcomes(String outcome) {
        return this.registry.get("newsflow.projection.events")
            .tag("topic", Topics.ARTICLES)
            .tag("outcome", outcome)
            .counter()
            .count();
    }

    private void awaitTitle(String id, String title) {
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(title)));
    }

    private static void send(String key, String json) {
        TOPICS.send(Topics.ARTICLES, key, json);
    }

    private static String article(String id, long revision, String title) {
        return JSON.writeValueAsString(new ArticlePublished(UUID.randomUUID().toString(), Instant.now(), 1, id,
                revision, "hash-of-" + title, "https://news.example.kr/" + id, title, List.of("“부제”"),
                List.of("본문 첫 문단."), List.of(new Caption("사진 설명", "연합")), "예시일보", "기자",
                Instant.parse("2024-07-24T05:00:00Z"), null, List.of(), "ko"));
    }

    private static String newId() {
        return "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

}
