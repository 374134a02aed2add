package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The limits at ingest's edge: what Kafka refuses as too large, what a page may hold,
 * what a field may be, ids that do not depend on when a retry arrives, and metrics that
 * no client can grow.
 */
@SpringBootTest(properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME,
        "newsflow.security.api-keys=" + EdgeLimitsTests.KEY })
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
class EdgeLimitsTests {

    static final String KEY = "edge-limits-key";

    private static final RawTopics TOPICS = RawTopics.shared();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MeterRegistry registry;

    /**
     * 900,000 Korean characters are a valid body but three megabytes of JSON, over
     * Kafka's record limit.
     */
    private static final String OVER_KAFKA_LIMIT = "가".repeat(900_000);

    @Test
    void anEventKafkaRefusesAsTooLargeIs413NotARetryable503() throws Exception {
        long before = published();
        this.mvc
            .perform(json(post("/api/v1/articles"), "{\"title\": \"너무 큰 기사\", \"body\": \"" + OVER_KAFKA_LIMIT + "\"}"))
            .andExpect(status().isContentTooLarge())
            .andExpect(jsonPath("$.title").value("Event too large"));
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void inABatchTheTooLargeItemIsRejectedAndTheOthersAccepted() throws Exception {
        long before = published();
        this.mvc
            .perform(json(post("/api/v1/posts/batch"),
                    "[{\"board\": \"limits\", \"number\": 1, \"title\": \"작은 글\"},"
                            + "{\"board\": \"limits\", \"number\": 2, \"title\": \"큰 글\", \"body\": \""
                            + OVER_KAFKA_LIMIT + "\"}]"))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.accepted").value(1))
            .andExpect(jsonPath("$.rejected").value(1))
            .andExpect(jsonPath("$.failed").value(0))
            .andExpect(jsonPath("$.items[1].errors[0].message", containsString("larger")));
        assertThat(published()).isEqualTo(before + 1);
        this.mvc
            .perform(json(post("/api/v1/posts/batch"),
                    "[{\"board\": \"limits\", \"number\": 3, \"title\": \"큰 글\", \"body\": \"" + OVER_KAFKA_LIMIT
                            + "\"}]"))
            .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aPageOfMoreThanAThousandItemsIs413AndPublishesNothing() throws Exception {
        String rows = IntStream.rangeClosed(1, 1001)
            .mapToObj(n -> n + " 목록의 글 " + n + " 손님 2024.07.24")
            .collect(Collectors.joining("\n"));
        long before = published();
        this.mvc.perform(page("번호 제목 글쓴이 날짜\n" + rows))
            .andExpect(status().isContentTooLarge())
            .andExpect(jsonPath("$.detail", containsString("1000")));
        assertThat(published()).isEqualTo(before);
        this.mvc.perform(page("번호 제목 글쓴이 날짜\n" + rows.substring(0, rows.lastIndexOf('\n'))))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.posts.length()").value(1000));
    }

    @Test
    void aPageLineOrParagraphLongerThanAnyFieldIs413() throws Exception {
        long before = published();
        this.mvc.perform(page("가".repeat(100_001))).andExpect(status().isContentTooLarge());
        this.mvc.perform(page(("가".repeat(1000) + "\n").repeat(101))).andExpect(status().isContentTooLarge());
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void everyFreeTextFieldIsBounded() throws Exception {
        this.mvc
            .perform(json(post("/api/v1/articles"),
                    "{\"title\": \"t\", \"body\": \"b\", \"language\": \"ko" + "-abcdefgh".repeat(10) + "\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("language"));
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "limits")
                .param("crawledAt", "2024-07-24T00:00:00Z" + " ".repeat(100))
                .contentType(MediaType.TEXT_PLAIN)
                .content("번호 제목 글쓴이 날짜\n1 글 손님 14:00"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("crawledAt"));
    }

    @Test
    void datesBeyondWhatAStoreHoldsAre400() throws Exception {
        for (String date : new String[] { "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "-0001-01-01T00:00:00Z" }) {
            this.mvc
                .perform(json(post("/api/v1/articles"),
                        "{\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"" + date + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publishedAt"));
        }
    }

    @Test
    void anArticleWithoutUrlOrDateKeepsItsIdWhenTheClientRetries() throws Exception {
        String article = "{\"title\": \"주소 없는 기사\", \"outlet\": \"한빛경제\", \"body\": \"다시 보내도 같은 기사다.\"}";
        String first = id(this.mvc.perform(json(post("/api/v1/articles"), article))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString());
        Thread.sleep(5);
        String retried = id(this.mvc.perform(json(post("/api/v1/articles"), article))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(retried).isEqualTo(first);
        String other = id(this.mvc.perform(json(post("/api/v1/articles"), article.replace("같은", "다른")))
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aPageArticleWithoutUrlOrDateKeepsItsIdWhenThePageIsSentAgain() throws Exception {
        String text = "주소도 날짜도 없는 글\n\n본문 첫 문단이다.\n\n본문 둘째 문단이다.\n\n푸른일보";
        String first = this.mvc.perform(page(text).param("crawledAt", "2024-07-24T01:00:00Z"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
        String again = this.mvc.perform(page(text).param("crawledAt", "2024-07-25T01:00:00Z"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(JSON.readTree(again).get("articleId").asString())
            .isEqualTo(JSON.readTree(first).get("articleId").asString());
    }

    @Test
    void metricTagsNeverTakeAClientsValue() throws Exception {
        for (int i = 0; i < 20; i++) {
            this.mvc.perform(page("번호 제목 글쓴이 날짜\n" + (i + 1) + " 글 손님 14:00", "board-" + i))
                .andExpect(status().isAccepted());
        }
        for (Meter meter : this.registry.getMeters()) {
            assertThat(meter.getId().getTags()).noneMatch(tag -> tag.getValue().startsWith("board-"));
        }
        assertThat(this.registry.find("newsflow.ingest.pages").counters()).hasSizeLessThanOrEqualTo(8);
    }

    private static String id(String accepted) {
        JsonNode node = JSON.readTree(accepted);
        return node.get("id").asString();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder page(String text) {
        return page(text, "limits");
    }

    private static MockHttpServletRequestBuilder page(String text, String board) {
        return post("/api/v1/pages").header("X-API-Key", KEY)
            .param("board", board)
            .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
            .content(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long published() {
        return TOPICS.size(Topics.ARTICLES) + TOPICS.size(Topics.POSTS);
    }

}
