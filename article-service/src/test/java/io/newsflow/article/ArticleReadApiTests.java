package io.newsflow.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.newsflow.contracts.ArticlePublished;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ReadModel;
import io.newsflow.testsupport.ApiDescription;
import io.newsflow.testsupport.MongoCommands;
import io.newsflow.testsupport.QueryShapes;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The article read API over events on the real topic: search, cursor paging, ETags and
 * bad parameters.
 */
@SpringBootTest(properties = "spring.config.name=" + ArticleApplication.CONFIG_NAME)
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
@Import(MongoCommands.Recording.class)
class ArticleReadApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Instant BASE = Instant.parse("2024-07-01T00:00:00Z");

    private static final RawTopics TOPICS = RawTopics.shared();

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MongoCommands commands;

    @Autowired
    private ReadModel readModel;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void searchFindsKoreanWordsInInflectedFormsAndRanksTitleHitsFirst() throws Exception {
        String outlet = outlet();
        String inTitle = publish(outlet, 1, "카자흐스탄과 경제협력 확대", "양국 정상이 만났다.");
        String inBody = publish(outlet, 5, "중앙아시아 순방 마무리", "대통령은 카자흐스탄의 인프라 사업을 언급했다.");
        String compound = publish(outlet, 3, "광물 협력 논의", "핵심광물 공급망을 강화해야 한다는 목소리가 나왔다.");
        String both = publish(outlet, 2, "자원 외교 성과", "카자흐스탄과 공급망 협력을 넓히기로 했다.");
        publish(outlet, 4, "반도체 공장 증설", "새 공장이 문을 열었다.");
        awaitCount(outlet, 5);

        assertThat(ids(search(outlet, "카자흐스탄"))).containsExactly(inTitle, inBody, both);
        assertThat(ids(search(outlet, "공급망"))).containsExactly(compound, both);
        assertThat(ids(search(outlet, "카자흐스탄 공급망"))).containsExactly(both);
        assertThat(ids(search(outlet, "우즈베키스탄"))).isEmpty();
    }

    @Test
    void cursorPagingHasNoDuplicatesOrGapsWhenArticlesArriveBetweenPages() throws Exception {
        String outlet = outlet();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add(publish(outlet, 100 + i, "기사 " + i, "본문 " + i + "."));
        }
        awaitCount(outlet, 25);

        List<String> seen = new ArrayList<>();
        JsonNode page = page(outlet, null);
        ids(page).forEach(seen::add);
        publish(outlet, 500, "사이에 들어온 새 기사", "가장 최근 본문.");
        expected.add(publish(outlet, 50, "사이에 들어온 옛 기사", "가장 오래된 본문."));
        awaitCount(outlet, 27);
        while (!page.get("nextCursor").isNull()) {
            page = page(outlet, page.get("nextCursor").asString());
            ids(page).forEach(seen::add);
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seen.get(0)).isEqualTo(expected.get(24));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(expected.get(25));
    }

    @Test
    void matchingETagAnswers304UntilTheArticleChanges() throws Exception {
        String outlet = outlet();
        String id = publish(outlet, 1, "태그 확인 기사", "본문.");
        awaitCount(outlet, 1);
        // the story follows the article by a moment, and the answer shows it
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(jsonPath("$.story.id").value(id)));
        String etag = this.mvc.perform(get("/api/v1/articles/" + id))
            .andExpect(status().isOk())
            .andExpect(header().exists("ETag"))
            .andReturn()
            .getResponse()
            .getHeader("ETag");

        this.mvc.perform(get("/api/v1/articles/" + id).header("If-None-Match", etag))
            .andExpect(status().isNotModified());
        send(id, article(id, 2, outlet, 1, "태그 확인 기사 (수정)", "본문."));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles/" + id).header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("태그 확인 기사 (수정)")));
    }

    @Test
    void outletsAreListedWithTheirArticleCounts() throws Exception {
        String outlet = outlet();
        publish(outlet, 1, "하나", "본문.");
        publish(outlet, 2, "둘", "본문.");
        awaitCount(outlet, 2);

        JsonNode outlets = JSON.readTree(this.mvc.perform(get("/api/v1/outlets"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(outlets.valueStream()
            .filter(o -> o.get("outlet").asString().equals(outlet))
            .map(o -> o.get("articles").asInt())).containsExactly(2);
    }

    @Test
    void everyReadQueryCarriesAServerSideTimeLimit() throws Exception {
        int mark = this.commands.mark();
        this.mvc.perform(get("/api/v1/articles").param("q", "항만")).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/articles").param("outlet", outlet()).param("from", "2024-01-01T00:00:00Z"))
            .andExpect(status().isOk());
        assertThat(this.commands.readsOf(this.readModel.collection(), mark)).isNotEmpty()
            .allSatisfy(command -> assertThat(MongoCommands.timeLimitMillis(command)).as(command.toJson())
                .isBetween(1L, 3000L));
    }

    /**
     * Every shape of read the article API sends, with the index the service creates that
     * serves it on a real MongoDB (see {@link QueryShapes} for the rule): no listing,
     * search or lookup scans the collection or sorts it whole.
     */
    @Test
    void everyQueryShapeIsServedByAnIndexTheServiceCreates() throws Exception {
        String outlet = outlet();
        String id = publish(outlet, 1, "색인 확인 항만 기사", "항만 본문.");
        publish(outlet, 2, "색인 확인 두 번째", "본문.");
        awaitCount(outlet, 2);
        int mark = this.commands.mark();
        this.mvc.perform(get("/api/v1/articles")).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/articles").param("limit", "1").param("outlet", outlet))
            .andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/articles").param("q", "항만")).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/articles").param("q", "항만").param("outlet", outlet)).andExpect(status().isOk());
        this.mvc
            .perform(get("/api/v1/articles").param("from", "2024-01-01T00:00:00Z").param("to", "2025-01-01T00:00:00Z"))
            .andExpect(status().isOk());
        JsonNode first = page(outlet, null);
        page(outlet, first.get("nextCursor").isNull() ? null : first.get("nextCursor").asString());
        this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(status().isOk());
        List<BsonDocument> reads = this.commands.readsOf(this.readModel.collection(), mark);

        Map<String, String> servedBy = QueryShapes.servedBy(reads,
                this.mongo.getCollection(this.readModel.collection()).listIndexes());

        String newestFirst = "sort {publishedAt=-1, _id=-1}";
        assertThat(servedBy).isEqualTo(Map.of("equality [_id]", "_id_", "equality [], " + newestFirst,
                "publishedAt_-1__id_-1", "equality [outlet], " + newestFirst, "outlet_1_publishedAt_-1__id_-1",
                "equality [], all of [tokens], " + newestFirst, "publishedAt_-1__id_-1",
                "equality [], all of [headTokens, tokens], " + newestFirst, "publishedAt_-1__id_-1",
                "equality [outlet], all of [tokens], " + newestFirst, "outlet_1_publishedAt_-1__id_-1",
                "equality [outlet], all of [headTokens, tokens], " + newestFirst, "outlet_1_publishedAt_-1__id_-1"));
    }

    @Test
    void theOutletSummaryIsNotRecomputedForEveryRequest() throws Exception {
        int before = this.commands.sent("aggregate", this.readModel.collection()).size();
        for (int i = 0; i < 5; i++) {
            this.mvc.perform(get("/api/v1/outlets")).andExpect(status().isOk());
        }
        List<BsonDocument> summaries = this.commands.sent("aggregate", this.readModel.collection());
        assertThat(summaries.size() - before).isLessThanOrEqualTo(1);
        assertThat(summaries).isNotEmpty().allSatisfy(command -> assertThat(command.containsKey("maxTimeMS")).isTrue());
    }

    /**
     * The OpenAPI description lists every route with examples, and each example has the
     * shape of what the API really answers (same fields, nested ones too), for a found
     * article, a page, an unknown id and a bad parameter; Swagger UI is served.
     */
    @Test
    void theApiDescriptionShowsWhatTheApiReallyAnswers() throws Exception {
        String outlet = outlet();
        String id = publish(outlet, 1, "설명서 확인 기사", "본문.");
        awaitCount(outlet, 1);
        ApiDescription description = new ApiDescription(this.mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(description.paths()).containsExactlyInAnyOrder("/api/v1/articles", "/api/v1/articles/{id}",
                "/api/v1/outlets", "/api/v1/stories", "/api/v1/stories/{id}");
        // the story follows the article by a moment; the examples show articles with one
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> this.mvc.perform(get("/api/v1/articles/" + id)).andExpect(jsonPath("$.story.id").value(id)));

        assertThat(ApiDescription.mismatches(description.example("/api/v1/articles/{id}", 200),
                answer(get("/api/v1/articles/" + id), 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/articles", 200),
                answer(get("/api/v1/articles").param("outlet", outlet), 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/outlets", 200),
                answer(get("/api/v1/outlets"), 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/articles/{id}", 404),
                answer(get("/api/v1/articles/a-000000000000000000000000"), 404)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/articles", 400),
                answer(get("/api/v1/articles").param("limit", "0"), 400)))
            .isEmpty();

        String ui = this.mvc.perform(get("/swagger-ui.html"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        this.mvc.perform(get(ui)).andExpect(status().isOk());
    }

    private JsonNode answer(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            int status) throws Exception {
        var response = this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return ApiDescription.json(response.getContentAsString());
    }

    private JsonNode search(String outlet, String q) throws Exception {
        return JSON.readTree(this.mvc.perform(get("/api/v1/articles").param("outlet", outlet).param("q", q))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
    }

    private JsonNode page(String outlet, String cursor) throws Exception {
        var request = get("/api/v1/articles").param("outlet", outlet).param("limit", "10");
        if (cursor != null) {
            request.param("cursor", cursor);
        }
        return JSON.readTree(
                this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void awaitCount(String outlet, int count) {
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles").param("outlet", outlet).param("limit", "100"))
                .andExpect(jsonPath("$.items.length()").value(count)));
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    private static String outlet() {
        return "시험일보-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Publishes an article whose publishedAt is {@code hour} hours after the base time;
     * returns its id.
     */
    private static String publish(String outlet, int hour, String title, String body) {
        String id = "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        send(id, article(id, 1, outlet, hour, title, body));
        return id;
    }

    private static void send(String id, String json) {
        TOPICS.send(Topics.ARTICLES, id, json);
    }

    private static String article(String id, long revision, String outlet, int hour, String title, String body) {
        return JSON.writeValueAsString(new ArticlePublished(UUID.randomUUID().toString(), Instant.now(), 1, id,
                revision, "hash-" + title + body, null, title, List.of(), List.of(body), List.of(), outlet, null,
                BASE.plus(Duration.ofHours(hour)), null, List.of(), "ko"));
    }

}
