package io.newsflow.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.newsflow.contracts.Topics;
import io.newsflow.ingest.IngestApplication;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What ingest puts on the real topics for what it accepts, and that it puts nothing for
 * what it rejects.
 */
@SpringBootTest(properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME,
        "newsflow.security.api-keys=" + IngestPublishingTests.KEY })
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
class IngestPublishingTests {

    static final String KEY = "publishing-test-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final RawTopics TOPICS = RawTopics.shared();

    @Autowired
    private MockMvc mvc;

    @Test
    void acceptedArticleIsOnTheArticleTopicKeyedByItsIdAsPlainJson() throws Exception {
        try (KafkaConsumer<String, String> articles = TOPICS.reader(Topics.ARTICLES)) {
            String answer = this.mvc
                .perform(post("/api/v1/articles").header("X-API-Key", KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"url": "https://news.example.kr/culture/festival?utm_source=rss", "title": "여름 축제 개막",
                             "paragraphs": ["강변 공원에서 여름 축제가 막을 올렸다."], "outlet": "문화신문",
                             "publishedAt": "2024.07.20 18:00"}
                            """))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.kind").value("article"))
                .andReturn()
                .getResponse()
                .getContentAsString();
            String id = JSON.readTree(answer).get("id").asString();

            ConsumerRecord<String, String> record = awaitRecord(articles, id);
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.get("type").asString()).isEqualTo("ArticlePublished");
            assertThat(event.get("url").asString()).isEqualTo("https://news.example.kr/culture/festival");
            assertThat(event.get("publishedAt").asString()).isEqualTo("2024-07-20T09:00:00Z");
            assertThat(event.get("contentHash").asString()).hasSize(64);
            assertThat(event.get("revision").asLong()).isPositive();
            assertThat(record.headers().toArray()).noneMatch(header -> header.key().contains("TypeId"));
        }
    }

    @Test
    void rejectedPostIsNotPublished() throws Exception {
        try (KafkaConsumer<String, String> posts = TOPICS.reader(Topics.POSTS)) {
            this.mvc.perform(
                    post("/api/v1/posts").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content("""
                            {"board": "publish-test", "number": 1, "title": "날짜가 잘못된 글", "postedAt": "어제"}
                            """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postedAt"));
            this.mvc.perform(
                    post("/api/v1/posts").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content("""
                            {"board": "publish-test", "number": 2, "title": "정상 글", "postedAt": "2024.07.24"}
                            """))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("publish-test:2"));

            awaitRecord(posts, "publish-test:2");
            assertThat(keysSoFar(posts)).doesNotContain("publish-test:1");
        }
    }

    /**
     * A full post is its listing row and its body, the body under a key of its own, so
     * compaction keeps both.
     */
    @Test
    void aFullPostIsPublishedAsItsListingRowAndItsBodyUnderAKeyOfItsOwn() throws Exception {
        this.mvc
            .perform(post("/api/v1/posts").header("X-API-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        """
                                {"board": "publish-test", "number": 3, "title": "본문이 있는 글", "author": "글쓴이", "body": "첫 문단.\\n\\n둘째 문단."}
                                """))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.id").value("publish-test:3"));

        var published = TOPICS.newestValues(Topics.POSTS, List.of("publish-test:3", "publish-test:3#body"));
        JsonNode listed = JSON.readTree(published.get("publish-test:3"));
        JsonNode body = JSON.readTree(published.get("publish-test:3#body"));
        assertThat(listed.get("type").asString()).isEqualTo("PostListed");
        assertThat(listed.has("body")).isFalse();
        assertThat(listed.get("author").asString()).isEqualTo("글쓴이");
        assertThat(body.get("type").asString()).isEqualTo("PostBodyPublished");
        assertThat(body.get("body").asString()).isEqualTo("첫 문단.\n\n둘째 문단.");
        assertThat(body.get("revision").asLong()).isEqualTo(listed.get("revision").asLong());
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            seen.addAll(RawTopics.poll(consumer, Duration.ofMillis(200)));
            return seen.stream().anyMatch(record -> record.key().equals(key));
        });
        return seen.stream().filter(record -> record.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<String> keysSoFar(KafkaConsumer<String, String> consumer) {
        consumer.seekToBeginning(consumer.assignment());
        return RawTopics.poll(consumer, Duration.ofSeconds(1)).stream().map(ConsumerRecord::key).toList();
    }

}
