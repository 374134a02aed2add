package io.newsflow.article.story;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.article.ArticleApplication;
import io.newsflow.article.story.StoryFixture.Printed;
import io.newsflow.contracts.ArticlePublished;
import io.newsflow.contracts.ArticlePublished.BoardPost;
import io.newsflow.contracts.ArticleRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ReadModel;
import io.newsflow.testsupport.ApiDescription;
import io.newsflow.testsupport.MongoCommands;
import io.newsflow.testsupport.QueryShapes;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stories from article events on the real topic: reprints grouped as they arrive, the
 * story API, the story on each article, a removal handing a story on, and the examples of
 * the API description held against real answers.
 */
@SpringBootTest(properties = "spring.config.name=" + ArticleApplication.CONFIG_NAME)
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
@Import(MongoCommands.Recording.class)
class StoryReadApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final RawTopics TOPICS = RawTopics.shared();

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MeterRegistry registry;

    @Autowired
    private MongoCommands commands;

    @Autowired
    private ReadModel articles;

    @Autowired
    private MongoTemplate mongo;

    /**
     * Every read grouping and the story API send, on the articles and on the stories, is
     * served by an index the service creates on a real MongoDB ({@link QueryShapes}): the
     * candidates of a reprint come from the bands index, never from a scan.
     */
    @Test
    void everyQueryShapeOfStoriesIsServedByAnIndexTheServiceCreates() throws Exception {
        int mark = this.commands.mark();
        Run run = new Run();
        List<Printed> port = StoryFixture.story(StoryFixture.sample(), "port-expansion");
        String original = run.publish(port.get(0), "통신");
        run.publish(port.get(4), "일보");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> this.mvc.perform(get("/api/v1/stories/" + original)).andExpect(jsonPath("$.size").value(2)));
        this.mvc.perform(get("/api/v1/stories")).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/stories").param("outlet", run.outlet("일보"))).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/stories").param("q", "항만").param("minArticles", "2")).andExpect(status().isOk());
        JsonNode page = answer(get("/api/v1/stories").param("limit", "1"), 200);
        this.mvc.perform(get("/api/v1/stories").param("cursor", page.get("nextCursor").asString()))
            .andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/articles").param("outlet", run.outlet("일보"))).andExpect(status().isOk());

        Map<String, String> onArticles = QueryShapes.servedBy(this.commands.readsOf(this.articles.collection(), mark),
                this.mongo.getCollection(this.articles.collection()).listIndexes());
        Map<String, String> onStories = QueryShapes.servedBy(this.commands.readsOf(StoryGrouping.STORIES, mark),
                this.mongo.getCollection(StoryGrouping.STORIES).listIndexes());
        assertThat(onArticles).containsEntry("equality [bands]", "bands_1").doesNotContainValue("none");
        assertThat(onStories).containsEntry("equality [articles]", "articles_1")
            .containsEntry("equality [outlets], sort {firstSeen=-1, _id=-1}", "outlets_1_firstSeen_-1__id_-1")
            .containsEntry("equality [], sort {firstSeen=-1, _id=-1}", "firstSeen_-1__id_-1")
            .doesNotContainValue("none");
    }

    @Test
    void reprintsFormOneStoryServedWithItsArticlesAndOutlets() throws Exception {
        Run run = new Run();
        List<Printed> port = StoryFixture.story(StoryFixture.sample(), "port-expansion");
        Printed protest = StoryFixture.story(StoryFixture.sample(), "port-expansion-protest").get(0);
        String original = run.publish(port.get(0), "통신");
        String trimmed = run.publish(port.get(2), "일보");
        String bylined = run.publish(port.get(1), "경제");
        String other = run.publish(protest, "신문");

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/stories/" + original))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(3)));
        JsonNode story = answer(get("/api/v1/stories/" + original), 200);
        assertThat(story.get("articles").valueStream().map(article -> article.get("id").asString()))
            .containsExactly(original, bylined, trimmed);
        assertThat(story.get("outlets").valueStream().map(JsonNode::asString)).containsExactly(run.outlet("경제"),
                run.outlet("일보"), run.outlet("통신"));
        assertThat(story.get("title").asString()).isEqualTo(port.get(0).title());
        this.mvc.perform(get("/api/v1/articles/" + trimmed))
            .andExpect(jsonPath("$.story.id").value(original))
            .andExpect(jsonPath("$.story.size").value(3));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/articles/" + other))
                .andExpect(jsonPath("$.story.id").value(other))
                .andExpect(jsonPath("$.story.size").value(1)));

        // listings: by an outlet that printed it, reprinted ones only, Korean-aware q
        assertThat(ids(answer(get("/api/v1/stories").param("outlet", run.outlet("일보")), 200)))
            .containsExactly(original);
        assertThat(ids(answer(get("/api/v1/stories").param("outlet", run.outlet("신문")), 200))).containsExactly(other);
        assertThat(ids(answer(get("/api/v1/stories").param("outlet", run.outlet("신문")).param("minArticles", "2"), 200)))
            .isEmpty();
        assertThat(ids(answer(get("/api/v1/stories").param("outlet", run.outlet("통신")).param("q", "항만의 확장"), 200)))
            .containsExactly(original);
        assertThat(ids(answer(get("/api/v1/stories").param("outlet", run.outlet("통신")).param("q", "폭염"), 200)))
            .isEmpty();
        assertThat(this.registry.get("newsflow.stories.formed").counter().count()).isPositive();

        // the earliest article removed: the story is the next one's
        TOPICS.send(Topics.ARTICLES, original, JSON
            .writeValueAsString(new ArticleRemoved(UUID.randomUUID().toString(), Instant.now(), 1, original, 2)));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/stories/" + bylined))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(2)));
        this.mvc.perform(get("/api/v1/stories/" + original)).andExpect(status().isNotFound());
        this.mvc.perform(get("/api/v1/articles/" + trimmed)).andExpect(jsonPath("$.story.id").value(bylined));
    }

    /**
     * A board post that carries an article (ingest read the article from the post's page
     * and named the post on its event) is listed among the reposts of the article's
     * story, and the article shows the post; an article read again without it is no
     * repost any more.
     */
    @Test
    void aStoryListsTheBoardPostsItWasRepostedIn() throws Exception {
        Run run = new Run();
        List<Printed> port = StoryFixture.story(StoryFixture.sample(), "port-expansion");
        String original = run.publish(port.get(0), "통신");
        String reposted = run.publish(port.get(1), "통신", new BoardPost("harbor-news", 5013));
        String again = run.publish(port.get(2), "일보", new BoardPost("free", 88));

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/stories/" + original))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.reposts.length()").value(2)));
        JsonNode story = answer(get("/api/v1/stories/" + original), 200);
        assertThat(story.get("reposts")
            .valueStream()
            .map(post -> post.get("board").asString() + ":" + post.get("number").asLong() + "="
                    + post.get("articleId").asString()))
            .containsExactlyInAnyOrder("harbor-news:5013=" + reposted, "free:88=" + again);
        this.mvc.perform(get("/api/v1/articles/" + reposted))
            .andExpect(jsonPath("$.post.board").value("harbor-news"))
            .andExpect(jsonPath("$.post.number").value(5013))
            .andExpect(jsonPath("$.story.id").value(original));
        this.mvc.perform(get("/api/v1/articles/" + original)).andExpect(jsonPath("$.post").isEmpty());

        run.publish(again, port.get(2), "일보", null, 2);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/stories/" + original))
                .andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.reposts.length()").value(1))
                .andExpect(jsonPath("$.reposts[0].articleId").value(reposted)));
    }

    @Test
    void storiesArePagedNewestFirstWithACursor() throws Exception {
        Run run = new Run();
        List<Printed> sample = StoryFixture.sample();
        List<String> stories = List.of("port-expansion", "heat-wave", "wildfire")
            .stream()
            .map(name -> run.publish(StoryFixture.story(sample, name).get(0), "일보"))
            .toList();
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(ids(answer(get("/api/v1/stories").param("outlet", run.outlet("일보")), 200)))
                .hasSize(3));
        JsonNode first = answer(get("/api/v1/stories").param("outlet", run.outlet("일보")).param("limit", "2"), 200);
        JsonNode second = answer(get("/api/v1/stories").param("outlet", run.outlet("일보"))
            .param("limit", "2")
            .param("cursor", first.get("nextCursor").asString()), 200);
        // heat wave (July) is the newest, then the wildfire (late March), then the port
        // (early March)
        assertThat(ids(first)).containsExactly(stories.get(1), stories.get(2));
        assertThat(ids(second)).containsExactly(stories.get(0));
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void badParametersAnswer400AndUnknownStories404AsTheDescriptionShows() throws Exception {
        Run run = new Run();
        List<Printed> port = StoryFixture.story(StoryFixture.sample(), "port-expansion");
        String original = run.publish(port.get(0), "통신");
        run.publish(port.get(3), "일보", new BoardPost("harbor-news", 5013));
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(
                    () -> this.mvc.perform(get("/api/v1/stories/" + original)).andExpect(jsonPath("$.size").value(2)));
        ApiDescription description = new ApiDescription(
                this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());

        assertThat(ApiDescription.mismatches(description.example("/api/v1/stories/{id}", 200),
                answer(get("/api/v1/stories/" + original), 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/stories", 200),
                answer(get("/api/v1/stories").param("outlet", run.outlet("통신")).param("limit", "1"), 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/stories/{id}", 404),
                answer(get("/api/v1/stories/a-000000000000000000000000"), 404)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/stories", 400),
                answer(get("/api/v1/stories").param("minArticles", "0"), 400)))
            .isEmpty();
        answer(get("/api/v1/stories").param("limit", "101"), 400);
        answer(get("/api/v1/stories").param("cursor", "not-a-cursor"), 400);
        answer(get("/api/v1/stories").param("from", "yesterday"), 400);
    }

    private JsonNode answer(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return ApiDescription.json(response.getContentAsString());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
    }

    /**
     * The articles of one test: outlets of their own and a time of their own, so the
     * stories of other tests (whose texts are the same) never meet them.
     */
    private static final class Run {

        private final String suffix = UUID.randomUUID().toString().substring(0, 8);

        private final Duration shift = Duration.ofDays(7L * ThreadLocalRandom.current().nextInt(1, 100_000));

        String outlet(String name) {
            return name + "-" + this.suffix;
        }

        String publish(Printed article, String outlet) {
            return publish(article, outlet, null);
        }

        /** An article read from the board post {@code post}. */
        String publish(Printed article, String outlet, BoardPost post) {
            String id = "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            publish(id, article, outlet, post, 1);
            return id;
        }

        void publish(String id, Printed article, String outlet, BoardPost post, long revision) {
            TOPICS.send(Topics.ARTICLES, id,
                    JSON.writeValueAsString(new ArticlePublished(UUID.randomUUID().toString(), Instant.now(), 1, id,
                            revision, "hash-" + id + "-" + revision, "https://eval.example.kr/" + id, article.title(),
                            List.of(), article.paragraphs(), List.of(), outlet(outlet), null,
                            article.publishedAt().plus(this.shift), null, List.of(), "ko", post)));
        }

    }

}
