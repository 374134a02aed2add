package io.newsflow.board.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import io.newsflow.board.BoardApplication;
import io.newsflow.contracts.PostBodyPublished;
import io.newsflow.contracts.PostBodyRemoved;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostPublished;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ReadModel;
import io.newsflow.testsupport.ApiDescription;
import io.newsflow.testsupport.MongoCommands;
import io.newsflow.testsupport.QueryShapes;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The board API over post events on the real topic: merges, listings, search, paging and
 * dead letters.
 */
@SpringBootTest(properties = "spring.config.name=" + BoardApplication.CONFIG_NAME)
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
@Import(MongoCommands.Recording.class)
class BoardReadApiTests {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Instant DAY = Instant.parse("2024-07-23T15:00:00Z");

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
    void listingOfTwentyRowsThenAFullPostForOneOfThem() throws Exception {
        String board = board();
        LongStream.rangeClosed(1, 20).forEach(n -> send(board, n, listed(board, n, 1, "목록 " + n, 2)));
        send(board, 7, published(board, 7, 2, "본문과 함께 고친 제목", "일곱째 글의 본문."));

        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get(post(board, 7)))
                .andExpect(jsonPath("$.body").value("일곱째 글의 본문."))
                .andExpect(jsonPath("$.title").value("본문과 함께 고친 제목")));
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("size", "100"))
            .andExpect(jsonPath("$.totalElements").value(20))
            .andExpect(jsonPath("$.items[0].number").value(20))
            .andExpect(jsonPath("$.items[13].hasBody").value(true))
            .andExpect(jsonPath("$.items[12].hasBody").value(false));
    }

    @Test
    void fullPostThenANewerListingOfTwentyRowsKeepsTheBody() throws Exception {
        String board = board();
        send(board, 7, published(board, 7, 1, "먼저 온 전체 글", "지워지면 안 되는 본문."));
        LongStream.rangeClosed(1, 20).forEach(n -> send(board, n, listed(board, n, 2, "목록 " + n, 5)));

        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get(post(board, 7)))
                .andExpect(jsonPath("$.title").value("목록 7"))
                .andExpect(jsonPath("$.commentCount").value(5))
                .andExpect(jsonPath("$.body").value("지워지면 안 되는 본문.")));
    }

    @Test
    void olderFullPostArrivingAfterANewerListingRowFillsInTheBodyOnly() throws Exception {
        String board = board();
        send(board, 1, listed(board, 1, 5, "새 목록 제목", 9));
        send(board, 1, published(board, 1, 3, "옛 제목", "늦게 도착한 본문."));

        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get(post(board, 1)))
                .andExpect(jsonPath("$.body").value("늦게 도착한 본문."))
                .andExpect(jsonPath("$.title").value("새 목록 제목"))
                .andExpect(jsonPath("$.revision").value(5)));
    }

    /**
     * A body that carries a news article (a repost, as ingest reads it from a post's
     * page) names the article on the post; the body's removal clears both; a body naming
     * something that is no article id is a poison record, dead-lettered.
     */
    @Test
    void aBodyCarryingAnArticleNamesItUntilTheBodyIsRemoved() throws Exception {
        String board = board();
        try (KafkaConsumer<String, String> dlt = TOPICS.reader(Topics.deadLetter(Topics.POSTS))) {
            send(board, 1, listed(board, 1, 2, "퍼온 기사", 0));
            TOPICS.send(Topics.POSTS, board + ":1#body",
                    JSON.writeValueAsString(new PostBodyPublished(UUID.randomUUID().toString(), Instant.now(), 1, board,
                            1, 2, "hash-body", "기사 본문.", "a-0123456789abcdef01234567")));
            TOPICS.send(Topics.POSTS, board + ":2#body",
                    JSON.writeValueAsString(new PostBodyPublished(UUID.randomUUID().toString(), Instant.now(), 1, board,
                            2, 2, "hash-body", "기사 본문.", "https://news.example.kr/1")));

            await().atMost(WITHIN)
                .untilAsserted(() -> this.mvc.perform(get(post(board, 1)))
                    .andExpect(jsonPath("$.body").value("기사 본문."))
                    .andExpect(jsonPath("$.articleId").value("a-0123456789abcdef01234567")));
            List<String> dead = new ArrayList<>();
            await().atMost(WITHIN).untilAsserted(() -> {
                RawTopics.poll(dlt, Duration.ofMillis(300)).forEach(record -> dead.add(record.key()));
                assertThat(dead).contains(board + ":2#body");
            });
        }
        TOPICS.send(Topics.POSTS, board + ":1#body", JSON
            .writeValueAsString(new PostBodyRemoved(UUID.randomUUID().toString(), Instant.now(), 1, board, 1, 3)));
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get(post(board, 1)))
                .andExpect(jsonPath("$.body").isEmpty())
                .andExpect(jsonPath("$.articleId").isEmpty())
                .andExpect(jsonPath("$.title").value("퍼온 기사")));
    }

    @Test
    void repeatedRowsChangeNothing() throws Exception {
        String board = board();
        String row = listed(board, 1, 1, "한 번만", 0);
        send(board, 1, row);
        send(board, 1, row);
        send(board, 2, listed(board, 2, 1, "뒤따른 글", 0));

        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/boards/" + board + "/posts"))
                .andExpect(jsonPath("$.totalElements").value(2)));
        this.mvc.perform(get(post(board, 1))).andExpect(jsonPath("$.revision").value(1));
    }

    @Test
    void boardsArePagedWithTheirTotalAndALinkToTheNextPage() throws Exception {
        String first = board();
        String second = board();
        send(first, 1, listed(first, 1, 1, "하나", 0));
        send(second, 1, listed(second, 1, 1, "둘", 0));
        await().atMost(WITHIN).untilAsserted(() -> {
            var answer = this.mvc.perform(get("/api/v1/boards?page=0&size=1")).andReturn().getResponse();
            assertThat(JSON.readTree(answer.getContentAsString()).size()).isEqualTo(1);
            assertThat(Long.parseLong(answer.getHeader("X-Total-Count"))).isGreaterThanOrEqualTo(2);
            assertThat(answer.getHeader("Link")).isEqualTo("</api/v1/boards?page=1&size=1>; rel=\"next\"");
        });
        var all = this.mvc.perform(get("/api/v1/boards?size=500")).andReturn().getResponse();
        long total = Long.parseLong(all.getHeader("X-Total-Count"));
        assertThat(JSON.readTree(all.getContentAsString()).size()).isEqualTo((int) Math.min(total, 500));
        this.mvc.perform(get("/api/v1/boards?size=501")).andExpect(status().isBadRequest());
        this.mvc.perform(get("/api/v1/boards?page=-1")).andExpect(status().isBadRequest());
    }

    @Test
    void boardsAreListedWithCountNewestNumberAndLatestPost() throws Exception {
        String board = board();
        send(board, 41, listed(board, 41, 1, "마흔하나", 0));
        send(board, 42, listed(board, 42, 1, "마흔둘", 0));

        await().atMost(WITHIN).untilAsserted(() -> {
            JsonNode boards = JSON
                .readTree(this.mvc.perform(get("/api/v1/boards")).andReturn().getResponse().getContentAsString());
            JsonNode summary = boards.valueStream()
                .filter(b -> b.get("slug").asString().equals(board))
                .findFirst()
                .orElseThrow(() -> new AssertionError("board " + board + " is not listed yet"));
            assertThat(summary.get("posts").asLong()).isEqualTo(2);
            assertThat(summary.get("newestNumber").asLong()).isEqualTo(42);
            assertThat(summary.get("latestPostAt").asString()).isEqualTo(DAY.plusSeconds(42).toString());
        });
    }

    @Test
    void titleSearchFindsInflectedKoreanWordsAndAuthorIsExact() throws Exception {
        String board = board();
        send(board, 1, listed(board, 1, 1, "카자흐스탄과 협력 확대", 0));
        send(board, 2, listed(board, 2, 1, "공급망을 다시 짠다", 0));
        send(board, 3, listed(board, 3, 1, "반도체 수출 회복", 0));
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/boards/" + board + "/posts"))
                .andExpect(jsonPath("$.totalElements").value(3)));

        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("q", "카자흐스탄"))
            .andExpect(jsonPath("$.totalElements").value(1))
            .andExpect(jsonPath("$.items[0].number").value(1));
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("q", "공급망"))
            .andExpect(jsonPath("$.items[0].number").value(2));
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("q", "우즈베키스탄"))
            .andExpect(jsonPath("$.totalElements").value(0));
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("author", "작성"))
            .andExpect(jsonPath("$.totalElements").value(0));
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("author", "작성자"))
            .andExpect(jsonPath("$.totalElements").value(3));
    }

    @Test
    void pagingThroughTwoHundredFiftyPostsHasNoGapsOrDuplicates() throws Exception {
        String board = board();
        LongStream.rangeClosed(1, 250).forEach(n -> send(board, n, listed(board, n, 1, "글 " + n, 0)));
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get("/api/v1/boards/" + board + "/posts"))
                .andExpect(jsonPath("$.totalElements").value(250)));

        List<Long> numbers = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode result = JSON.readTree(
                    this.mvc
                        .perform(get("/api/v1/boards/" + board + "/posts").param("page", String.valueOf(page))
                            .param("size", "100"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
            assertThat(result.get("totalPages").asInt()).isEqualTo(3);
            result.get("items").forEach(item -> numbers.add(item.get("number").asLong()));
        }

        assertThat(numbers).hasSize(250)
            .doesNotHaveDuplicates()
            .isEqualTo(LongStream.iterate(250, n -> n - 1).limit(250).boxed().toList());
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWhileTheRestAreStored() throws Exception {
        String board = board();
        try (KafkaConsumer<String, String> dlt = TOPICS.reader(Topics.deadLetter(Topics.POSTS))) {
            send(board, 1, listed(board, 1, 1, "앞선 글", 0));
            send(board, 2, "{\"type\":\"PostListed\",\"board\":");
            send(board, 3, listed(board, 3, 1, "뒤따른 글", 0));

            await().atMost(WITHIN)
                .untilAsserted(() -> this.mvc.perform(get("/api/v1/boards/" + board + "/posts"))
                    .andExpect(jsonPath("$.totalElements").value(2)));
            List<String> dead = new ArrayList<>();
            await().atMost(WITHIN).untilAsserted(() -> {
                RawTopics.poll(dlt, Duration.ofMillis(300)).forEach(record -> dead.add(record.key()));
                assertThat(dead).contains(board + ":2");
            });
        }
    }

    @Test
    void everyReadQueryCarriesAServerSideTimeLimit() throws Exception {
        String board = board();
        send(board, 1, listed(board, 1, 1, "시간 제한", 0));
        await().atMost(WITHIN).untilAsserted(() -> this.mvc.perform(get(post(board, 1))).andExpect(status().isOk()));
        int mark = this.commands.mark();
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("q", "시간")).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts").param("author", "누구")).andExpect(status().isOk());
        assertThat(this.commands.readsOf(this.readModel.collection(), mark)).isNotEmpty()
            .allSatisfy(command -> assertThat(MongoCommands.timeLimitMillis(command)).as(command.toJson())
                .isBetween(1L, 3000L));
    }

    /**
     * Every shape of read the board API sends, with the index the service creates that
     * serves it on a real MongoDB (see {@link QueryShapes} for the rule): no page, search
     * or lookup scans the collection or sorts it whole.
     */
    @Test
    void everyQueryShapeIsServedByAnIndexTheServiceCreates() throws Exception {
        String board = board();
        send(board, 1, listed(board, 1, 1, "색인 확인 글", 0));
        send(board, 2, listed(board, 2, 1, "색인 두 번째 글", 0));
        await().atMost(WITHIN).untilAsserted(() -> this.mvc.perform(get(post(board, 2))).andExpect(status().isOk()));
        int mark = this.commands.mark();
        String posts = "/api/v1/boards/" + board + "/posts";
        this.mvc.perform(get(posts)).andExpect(status().isOk());
        this.mvc.perform(get(posts).param("page", "1").param("size", "1")).andExpect(status().isOk());
        this.mvc.perform(get(posts).param("q", "색인")).andExpect(status().isOk());
        this.mvc.perform(get(posts).param("author", "작성자")).andExpect(status().isOk());
        this.mvc.perform(get(posts).param("from", "2024-01-01").param("to", "2030-01-01")).andExpect(status().isOk());
        this.mvc.perform(get(post(board, 1))).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/boards/" + board() + "/posts")).andExpect(status().isNotFound());
        List<BsonDocument> reads = this.commands.readsOf(this.readModel.collection(), mark);

        Map<String, String> servedBy = QueryShapes.servedBy(reads,
                this.mongo.getCollection(this.readModel.collection()).listIndexes());

        assertThat(servedBy).doesNotContainValue("none")
            .containsEntry("equality [board], sort {number=-1}", "board_1_number_-1_removed_1_revision_1")
            .containsEntry("equality [author, board], sort {number=-1}",
                    "board_1_author_1_number_-1_removed_1_revision_1")
            .containsEntry("equality [_id]", "_id_");
    }

    /**
     * A listing's count (of a board, of an author on it) reads no field that the index
     * serving the listing lacks, so MongoDB counts from the index's keys without reading
     * a post: the count of the 30,000-post board read every post only to tell whether it
     * is live.
     */
    @Test
    void aListingsCountReadsOnlyFieldsOfAnIndex() throws Exception {
        String board = board();
        send(board, 1, listed(board, 1, 1, "세는 글", 0));
        await().atMost(WITHIN).untilAsserted(() -> this.mvc.perform(get(post(board, 1))).andExpect(status().isOk()));
        int mark = this.commands.mark();
        String posts = "/api/v1/boards/" + board + "/posts";
        this.mvc.perform(get(posts)).andExpect(status().isOk());
        this.mvc.perform(get(posts).param("author", "작성자")).andExpect(status().isOk());
        List<BsonDocument> counts = this.commands.readsOf(this.readModel.collection(), mark)
            .stream()
            .filter(command -> command.containsKey("aggregate"))
            .toList();
        List<Set<String>> indexes = new ArrayList<>();
        this.mongo.getCollection(this.readModel.collection())
            .listIndexes()
            .forEach(index -> indexes.add(index.get("key", org.bson.Document.class).keySet()));

        assertThat(counts).hasSize(2)
            .allSatisfy(count -> assertThat(indexes).as(count.toJson())
                .anySatisfy(keys -> assertThat(keys).containsAll(QueryShapes.fieldsRead(count))));
    }

    @Test
    void theBoardSummaryIsNotRecomputedForEveryRequest() throws Exception {
        int before = this.commands.sent("aggregate", this.readModel.collection()).size();
        for (int i = 0; i < 5; i++) {
            this.mvc.perform(get("/api/v1/boards")).andExpect(status().isOk());
        }
        List<BsonDocument> summaries = this.commands.sent("aggregate", this.readModel.collection());
        assertThat(summaries.size() - before).isLessThanOrEqualTo(1);
        assertThat(summaries).isNotEmpty().allSatisfy(command -> assertThat(command.containsKey("maxTimeMS")).isTrue());
    }

    @Test
    void aPostsCategoryHeadIsKeptApartFromItsTitle() throws Exception {
        String board = board();
        send(board, 1, JSON.writeValueAsString(new PostListed(UUID.randomUUID().toString(), Instant.now(), 1, board, 1,
                1, "hash-category", "말머리가 따로 있는 글", "작성자", DAY, 0, null, "질문")));
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get(post(board, 1)))
                .andExpect(jsonPath("$.title").value("말머리가 따로 있는 글"))
                .andExpect(jsonPath("$.category").value("질문")));
        this.mvc.perform(get("/api/v1/boards/" + board + "/posts"))
            .andExpect(jsonPath("$.items[0].category").value("질문"));
    }

    @Test
    void matchingETagAnswers304() throws Exception {
        String board = board();
        send(board, 1, listed(board, 1, 1, "태그", 0));
        await().atMost(WITHIN).untilAsserted(() -> this.mvc.perform(get(post(board, 1))).andExpect(status().isOk()));
        String etag = this.mvc.perform(get(post(board, 1))).andReturn().getResponse().getHeader("ETag");

        this.mvc.perform(get(post(board, 1)).header("If-None-Match", etag)).andExpect(status().isNotModified());
        this.mvc.perform(get(post(board, 1)).header("If-None-Match", "\"0\"")).andExpect(status().isOk());
    }

    /**
     * The OpenAPI description lists every route with examples, and each example has the
     * shape of what the API really answers (same fields, nested ones too); Swagger UI is
     * served.
     */
    @Test
    void theApiDescriptionShowsWhatTheApiReallyAnswers() throws Exception {
        String board = board();
        send(board, 7, published(board, 7, 1, "설명서 확인 글", "본문."));
        await().atMost(WITHIN).untilAsserted(() -> this.mvc.perform(get(post(board, 7))).andExpect(status().isOk()));
        ApiDescription description = new ApiDescription(this.mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
        assertThat(description.paths()).containsExactlyInAnyOrder("/api/v1/boards", "/api/v1/boards/{board}/posts",
                "/api/v1/boards/{board}/posts/{number}");

        assertThat(ApiDescription.mismatches(description.example("/api/v1/boards", 200), answer("/api/v1/boards", 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/boards/{board}/posts", 200),
                answer("/api/v1/boards/" + board + "/posts", 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/boards/{board}/posts/{number}", 200),
                answer(post(board, 7), 200)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/boards/{board}/posts", 400),
                answer("/api/v1/boards/" + board + "/posts?size=0", 400)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/boards/{board}/posts", 404),
                answer("/api/v1/boards/no-such-board/posts", 404)))
            .isEmpty();
        assertThat(ApiDescription.mismatches(description.example("/api/v1/boards/{board}/posts/{number}", 404),
                answer(post(board, 99), 404)))
            .isEmpty();

        String ui = this.mvc.perform(get("/swagger-ui.html"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
        this.mvc.perform(get(ui)).andExpect(status().isOk());
    }

    private JsonNode answer(String uri, int status) throws Exception {
        var response = this.mvc.perform(get(uri)).andExpect(status().is(status)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return ApiDescription.json(response.getContentAsString());
    }

    @Test
    void unknownBoardIs404() throws Exception {
        this.mvc.perform(get("/api/v1/boards/no-such-board/posts"))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail").value("No board no-such-board"));
    }

    private static String post(String board, long number) {
        return "/api/v1/boards/" + board + "/posts/" + number;
    }

    private static String board() {
        return "b-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void send(String board, long number, String json) {
        TOPICS.send(Topics.POSTS, board + ":" + number, json);
    }

    private static String listed(String board, long number, long revision, String title, int comments) {
        return JSON.writeValueAsString(new PostListed(UUID.randomUUID().toString(), Instant.now(), 1, board, number,
                revision, "hash-" + title + comments, title, "작성자", DAY.plusSeconds(number), comments, null));
    }

    private static String published(String board, long number, long revision, String title, String body) {
        return JSON.writeValueAsString(new PostPublished(UUID.randomUUID().toString(), Instant.now(), 1, board, number,
                revision, "hash-" + title + body, title, "작성자", DAY.plusSeconds(number), null, null, body));
    }

}
