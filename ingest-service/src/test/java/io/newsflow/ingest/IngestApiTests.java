package io.newsflow.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ingest API end to end on the embedded broker: what it accepts is on the topics, and
 * every rejected request answers a problem detail and publishes nothing.
 */
@SpringBootTest(properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME,
        "newsflow.security.api-keys=first-key, " + IngestApiTests.KEY })
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
class IngestApiTests {

    static final String KEY = "second-key";

    private static final RawTopics TOPICS = RawTopics.shared();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;

    @Test
    void batchAcceptsTheValidItemsAndListsWhyTheOthersWereRejected() throws Exception {
        long before = published();
        this.mvc.perform(json(post("/api/v1/posts/batch"), """
                [ {"board": "batch-test", "number": 1, "title": "첫 글", "postedAt": "2024.07.24"},
                  {"board": "Batch Test", "number": 2, "title": "슬러그가 잘못된 글"},
                  {"board": "batch-test", "number": 3, "title": "둘째 글", "postedAt": "13월 1일"},
                  {"board": "batch-test", "number": 4, "title": "셋째 글"} ]
                """))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.accepted").value(2))
            .andExpect(jsonPath("$.rejected").value(2))
            .andExpect(jsonPath("$.items[0].status").value("accepted"))
            .andExpect(jsonPath("$.items[0].id").value("batch-test:1"))
            .andExpect(jsonPath("$.items[1].status").value("rejected"))
            .andExpect(jsonPath("$.items[1].index").value(1))
            .andExpect(jsonPath("$.items[1].errors[0].field").value("board"))
            .andExpect(jsonPath("$.items[2].errors[0].field").value("postedAt"))
            .andExpect(jsonPath("$.items[3].id").value("batch-test:4"));
        assertThat(published()).isEqualTo(before + 2);
    }

    @Test
    void anUndatedArticleOfABatchIsPublishedWhenItWasAcceptedAsOnItsOwn() throws Exception {
        JsonNode result = JSON.readTree(this.mvc.perform(json(post("/api/v1/articles/batch"), """
                [ {"url": "https://news.example.kr/undated/batch", "title": "날짜 없는 묶음 기사", "body": "본문."} ]
                """)).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());

        String id = result.get("items").get(0).get("id").asString();
        JsonNode event = JSON.readTree(TOPICS.newestValues(Topics.ARTICLES, List.of(id)).get(id));
        assertThat(event.get("publishedAt").isNull()).isFalse();
        assertThat(event.get("publishedAt").asString()).isEqualTo(event.get("occurredAt").asString());
    }

    @Test
    void articleBatchWithEveryItemInvalidIs422AndPublishesNothing() throws Exception {
        long before = published();
        this.mvc.perform(json(post("/api/v1/articles/batch"), """
                [ {"title": "본문 없는 기사"}, {"body": "제목 없는 기사 본문."} ]
                """))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.items[0].errors[0].field").value("paragraphs"))
            .andExpect(jsonPath("$.items[1].errors[0].field").value("title"));
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void batchOverAThousandItemsIsRejectedWhole() throws Exception {
        String items = IntStream.rangeClosed(1, 1001)
            .mapToObj(n -> "{\"board\": \"big\", \"number\": " + n + ", \"title\": \"글 " + n + "\"}")
            .collect(Collectors.joining(",", "[", "]"));
        long before = published();

        this.mvc.perform(json(post("/api/v1/posts/batch"), items))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("items"))
            .andExpect(jsonPath("$.detail", containsString("1000")));
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void textPageYieldsItsArticleAndOneEventPerListingRow() throws Exception {
        long before = published();
        this.mvc
            .perform(page("article-and-listing.txt", MediaType.TEXT_PLAIN).param("board", "harbor-news")
                .param("url", "https://board.example.kr/harbor-news/5013")
                .param("crawledAt", "2024-07-21T10:00:00+09:00"))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.articleId").isNotEmpty())
            .andExpect(jsonPath("$.posts.length()").value(5))
            .andExpect(jsonPath("$.posts[0]").value("harbor-news:5012"))
            .andExpect(jsonPath("$.notices").value(1))
            .andExpect(jsonPath("$.skippedLines").value(1));
        assertThat(published()).isEqualTo(before + 6);
    }

    @Test
    void htmlPageYieldsTheSameItemsAsItsText() throws Exception {
        JsonNode text = JSON.readTree(this.mvc
            .perform(page("article-and-listing.txt", MediaType.TEXT_PLAIN).param("board", "harbor-text")
                .param("url", "https://board.example.kr/harbor-text/5013")
                .param("crawledAt", "2024-07-21T10:00:00+09:00"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString());
        JsonNode html = JSON.readTree(this.mvc
            .perform(page("article-and-listing.html", MediaType.TEXT_HTML).param("board", "harbor-html")
                .param("url", "https://board.example.kr/harbor-html/5013")
                .param("crawledAt", "2024-07-21T10:00:00+09:00"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString());

        assertThat(html.get("layout").asString()).isEqualTo("text");
        assertThat(html.get("notices").asInt()).isEqualTo(text.get("notices").asInt());
        assertThat(published(Topics.POSTS, html.get("posts"))).isEqualTo(published(Topics.POSTS, text.get("posts")));
        assertThat(published(Topics.ARTICLES, List.of(html.get("articleId").asString())))
            .isEqualTo(published(Topics.ARTICLES, List.of(text.get("articleId").asString())));
    }

    /**
     * Each board engine's page: its layout named, its article accepted whole, every row
     * published; the post the listing marks as the one shown gets the article as its body
     * and names it (a repost), and the article names the post.
     */
    @ParameterizedTest
    @CsvSource({ "html/gnuboard5.html, gnuboard, 4, 1, true", "html/rhymix.html, xpressengine, 3, 1, true",
            "html/gallery.html, gallery, 3, 2, false" })
    void pagesOfTheRecognisedBoardEnginesArePublishedWhole(String fixture, String layout, int rows, int notices,
            boolean marksViewed) throws Exception {
        long before = published();
        JsonNode result = JSON.readTree(this.mvc
            .perform(page(fixture, MediaType.TEXT_HTML).param("board", layout)
                .param("url", "https://board.example.kr/" + layout + "/1")
                .param("crawledAt", "2024-08-06T15:00:00+09:00"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString());

        assertThat(result.get("layout").asString()).isEqualTo(layout);
        assertThat(result.get("articleId").isNull()).as(result.toString()).isFalse();
        assertThat(result.get("posts")).hasSize(rows);
        assertThat(result.get("notices").asInt()).isEqualTo(notices);
        assertThat(published()).isEqualTo(before + rows + 1 + (marksViewed ? 1 : 0));
        JsonNode row = JSON.readTree(published(Topics.POSTS, List.of(result.get("posts").get(0).asString())).get(0));
        assertThat(row.get("commentCount").isNull()).isFalse();
        assertThat(row.get("category").asString()).isNotBlank();
        String articleId = result.get("articleId").asString();
        JsonNode article = JSON.readTree(TOPICS.newestValues(Topics.ARTICLES, List.of(articleId)).get(articleId));
        if (!marksViewed) {
            assertThat(result.get("post").isNull()).isTrue();
            assertThat(article.has("post")).isFalse();
            return;
        }
        String viewed = result.get("post").asString();
        assertThat(result.get("posts").valueStream().map(JsonNode::asString)).contains(viewed);
        JsonNode body = JSON
            .readTree(TOPICS.newestValues(Topics.POSTS, List.of(viewed + "#body")).get(viewed + "#body"));
        assertThat(body.get("articleId").asString()).isEqualTo(articleId);
        assertThat(body.get("body").asString()).contains(article.get("paragraphs").get(0).asString());
        assertThat(article.get("post").get("board").asString() + ":" + article.get("post").get("number").asLong())
            .isEqualTo(viewed);
    }

    /**
     * A text page says nowhere which post it shows: the crawler names it by
     * {@code number}, and that post, not in the listing below, is published with the
     * article as its body, linked both ways; an impossible number is a 400 and publishes
     * nothing.
     */
    @Test
    void aTextPageWhosePostTheCrawlerNamesIsPublishedAsARepostOfItsArticle() throws Exception {
        JsonNode result = JSON.readTree(this.mvc
            .perform(page("article-and-listing.txt", MediaType.TEXT_PLAIN).param("board", "harbor-repost")
                .param("url", "https://board.example.kr/harbor-repost/5013")
                .param("number", "5013")
                .param("crawledAt", "2024-07-21T10:00:00+09:00"))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString());

        assertThat(result.get("post").asString()).isEqualTo("harbor-repost:5013");
        String articleId = result.get("articleId").asString();
        JsonNode article = JSON.readTree(TOPICS.newestValues(Topics.ARTICLES, List.of(articleId)).get(articleId));
        assertThat(article.get("post").get("number").asLong()).isEqualTo(5013);
        Map<String, String> post = TOPICS.newestValues(Topics.POSTS,
                List.of("harbor-repost:5013", "harbor-repost:5013#body"));
        JsonNode listed = JSON.readTree(post.get("harbor-repost:5013"));
        JsonNode body = JSON.readTree(post.get("harbor-repost:5013#body"));
        assertThat(listed.get("title").asString()).isEqualTo(article.get("title").asString());
        assertThat(listed.get("url").asString()).isEqualTo("https://board.example.kr/harbor-repost/5013");
        assertThat(body.get("articleId").asString()).isEqualTo(articleId);
        assertThat(body.get("revision").asLong()).isEqualTo(listed.get("revision").asLong());

        long before = published();
        this.mvc
            .perform(page("article-and-listing.txt", MediaType.TEXT_PLAIN).param("board", "harbor-repost")
                .param("number", "0"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("number"));
        this.mvc
            .perform(page("article-and-listing.txt", MediaType.TEXT_PLAIN).param("board", "harbor-repost")
                .param("number", "5013;DROP"))
            .andExpect(status().isBadRequest());
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void pageInAnotherCharsetIsReadAsItsContentTypeSays() throws Exception {
        Charset eucKr = Charset.forName("EUC-KR");
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "legacy")
                .contentType(new MediaType("text", "plain", eucKr))
                .content("번호 제목 글쓴이 날짜\n77 옛 게시판의 글 손님 2024.07.24\n".getBytes(eucKr)))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.posts[0]").value("legacy:77"));
    }

    @Test
    void pageWithNothingRecognisableIs422SayingWhatWasExpected() throws Exception {
        long before = published();
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "empty")
                .contentType(MediaType.TEXT_PLAIN)
                .content("로그인이 필요합니다"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail", containsString("번호 제목 글쓴이 날짜")));
        assertThat(published()).isEqualTo(before);
    }

    /**
     * An HTML page of a known engine with nothing in it: the answer says what was found.
     */
    @Test
    void pageOfAKnownLayoutWithNothingInItIs422SayingWhatItFound() throws Exception {
        String html = """
                <div id="bo_list"><table><thead><tr><th>번호</th><th>제목</th><th>날짜</th></tr></thead><tbody>
                <tr class="bo_notice"><td>공지</td><td><a href="?wr_id=1">공지 글</a></td><td>01-01</td></tr>
                <tr><td colspan="3">게시물이 없습니다.</td></tr></tbody></table></div>""";
        long before = published();
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "empty")
                .contentType(MediaType.TEXT_HTML)
                .content(html))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail", containsString("Read as gnuboard")))
            .andExpect(jsonPath("$.detail", containsString("1 notice rows were skipped")));
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void pageWithInvalidUtf8Is400() throws Exception {
        byte[] broken = "번호 제목 글쓴이 날짜\n1 글 손님 14:00".getBytes(StandardCharsets.UTF_8);
        broken[5] = (byte) 0xFF;
        long before = published();
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "broken")
                .contentType(MediaType.TEXT_PLAIN)
                .content(broken))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void pageNeedsAValidBoard() throws Exception {
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .contentType(MediaType.TEXT_PLAIN)
                .content("번호 제목 글쓴이 날짜\n1 글 손님 14:00"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("board")));
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "../etc")
                .contentType(MediaType.TEXT_PLAIN)
                .content("번호 제목 글쓴이 날짜\n1 글 손님 14:00"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("board"));
    }

    /**
     * A post sent as JSON may name the article its body carries; without a body, or with
     * anything but an article id, it is a 400 naming the field and nothing is published.
     */
    @Test
    void aJsonPostNamesTheArticleItsBodyCarriesAndOnlyWithABody() throws Exception {
        long before = published();
        this.mvc
            .perform(post("/api/v1/posts").header("X-API-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"board\": \"linked\", \"number\": 7, \"title\": \"퍼온 기사\", "
                        + "\"articleId\": \"a-0123456789abcdef01234567\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("articleId"));
        this.mvc
            .perform(post("/api/v1/posts").header("X-API-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"board\": \"linked\", \"number\": 7, \"title\": \"퍼온 기사\", \"body\": \"본문\", "
                        + "\"articleId\": \"https://news.example.kr/1\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("articleId"));
        assertThat(published()).isEqualTo(before);

        this.mvc
            .perform(post("/api/v1/posts").header("X-API-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"board\": \"linked\", \"number\": 7, \"title\": \"퍼온 기사\", \"body\": \"본문\", "
                        + "\"articleId\": \"a-0123456789abcdef01234567\"}"))
            .andExpect(status().isAccepted());
        JsonNode body = JSON.readTree(TOPICS.newestValues(Topics.POSTS, List.of("linked:7#body")).get("linked:7#body"));
        assertThat(body.get("articleId").asString()).isEqualTo("a-0123456789abcdef01234567");
    }

    @Test
    void writesWithoutAKeyAre401AndWithAWrongKeyAre403() throws Exception {
        String post = "{\"board\": \"keys\", \"number\": 1, \"title\": \"열쇠 없는 글\"}";
        long before = published();
        this.mvc.perform(post("/api/v1/posts").contentType(MediaType.APPLICATION_JSON).content(post))
            .andExpect(status().isUnauthorized())
            .andExpect(header().exists("WWW-Authenticate"))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        this.mvc
            .perform(post("/api/v1/posts").header("X-API-Key", "second-kez")
                .contentType(MediaType.APPLICATION_JSON)
                .content(post))
            .andExpect(status().isForbidden());
        this.mvc.perform(delete("/api/v1/boards/keys/posts/1")).andExpect(status().isUnauthorized());
        assertThat(published()).isEqualTo(before);
        this.mvc
            .perform(post("/api/v1/posts").header("X-API-Key", "first-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(post))
            .andExpect(status().isAccepted());
    }

    @Test
    void removalsArePublishedForValidKeysOnly() throws Exception {
        long before = published();
        this.mvc.perform(delete("/api/v1/articles/a-0123456789abcdef01234567").header("X-API-Key", KEY))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.id").value("a-0123456789abcdef01234567"));
        this.mvc.perform(delete("/api/v1/boards/free/posts/12").header("X-API-Key", KEY))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.id").value("free:12"));
        this.mvc.perform(delete("/api/v1/articles/..%2F..%2Fetc").header("X-API-Key", KEY))
            .andExpect(status().is4xxClientError());
        this.mvc.perform(delete("/api/v1/articles/not-an-id").header("X-API-Key", KEY))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("id"));
        this.mvc.perform(delete("/api/v1/boards/free/posts/-3").header("X-API-Key", KEY))
            .andExpect(status().isBadRequest());
        // the article's removal, and the post's: its listing's and its body's (two keys)
        assertThat(published()).isEqualTo(before + 3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"title\": \"닫히지 않은", "[1, 2, 3]", "\"just a string\"", "{\"title\": {\"$gt\": \"\"}}" })
    void malformedOrMisshapenJsonIs400(String body) throws Exception {
        long before = published();
        this.mvc.perform(json(post("/api/v1/articles"), body))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        long before = published();
        this.mvc.perform(
                post("/api/v1/articles").header("X-API-Key", KEY).contentType(MediaType.TEXT_PLAIN).content("제목: 본문"))
            .andExpect(status().isUnsupportedMediaType());
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "b")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
            .andExpect(status().isUnsupportedMediaType());
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void oversizeFieldIs400NamingItAndOversizeBodyIs413() throws Exception {
        long before = published();
        String longBody = "가".repeat(1_000_001);
        this.mvc.perform(json(post("/api/v1/articles"), "{\"title\": \"긴 기사\", \"body\": \"" + longBody + "\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        this.mvc
            .perform(post("/api/v1/pages").header("X-API-Key", KEY)
                .param("board", "huge")
                .contentType(MediaType.TEXT_PLAIN)
                .content(huge))
            .andExpect(status().isContentTooLarge());
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void apiDocsDescribeTheEndpoints() throws Exception {
        this.mvc.perform(get("/v3/api-docs").header("Host", "attacker.example:666"))
            .andExpect(status().isOk())
            // relative, never an echo of the Host header
            .andExpect(jsonPath("$.servers[0].url").value("/"))
            .andExpect(jsonPath("$.paths['/api/v1/pages'].post").exists())
            .andExpect(jsonPath("$.paths['/api/v1/articles/batch'].post").exists())
            .andExpect(jsonPath(
                    "$.paths['/api/v1/articles'].post.requestBody.content['application/json']" + ".example.title")
                .value("남해안 항만 확장 사업 첫 삽"))
            .andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-API-Key"));
    }

    /**
     * Each bad single request answers its status as a problem detail naming what is
     * wrong, and publishes nothing.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/articles | {\"url\": \"javascript:alert(1)\", \"title\": \"t\", \"body\": \"b\"} | 400 | url",
            "/api/v1/articles | {\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"2024.02.30\"} | 400 | publishedAt",
            "/api/v1/articles | {\"body\": \"제목 없는 기사\"} | 400 | title",
            "/api/v1/articles | {\"title\": \"  \", \"body\": \"b\"} | 400 | title",
            "/api/v1/articles | {\"title\": \"t\", \"body\": \"b\", \"language\": \"Korean!\"} | 400 | language",
            "/api/v1/posts | {\"board\": \"b\", \"number\": 0, \"title\": \"t\"} | 400 | number",
            "/api/v1/posts | {\"board\": \"b\", \"title\": \"t\"} | 400 | number",
            "/api/v1/posts | {\"board\": \"b\", \"number\": 1, \"title\": \"t\", \"commentCount\": -1} | 400 | commentCount",
            "/api/v1/posts | {\"board\": \"b\", \"number\": \"열둘\", \"title\": \"t\"} | 400 | number",
            "/api/v1/articles | {\"title\": \"t\", \"body\": \"b\", \"$where\": \"sleep(1000)\"} | 400 | $where",
            "/api/v1/articles | {\"title\": \"t\", \"body\": \"b\", \"captions\": [{\"text\": {\"$gt\": \"\"}}]} | 400 | captions[0].text",
            // strict JSON: no coercion, no truncation, no key twice
            "/api/v1/posts | {\"board\": \"b\", \"number\": 1.5, \"title\": \"t\"} | 400 | number",
            "/api/v1/posts | {\"board\": \"b\", \"number\": 1, \"title\": \"t\", \"commentCount\": 1.9} | 400 | commentCount",
            "/api/v1/posts | {\"board\": \"b\", \"number\": \"12\", \"title\": \"t\"} | 400 | number",
            "/api/v1/posts | {\"board\": \"b\", \"number\": 1, \"title\": true} | 400 | title",
            "/api/v1/posts | {\"board\": \"b\", \"number\": 1, \"title\": 123} | 400 | title",
            "/api/v1/posts | {\"board\": 7, \"number\": 1, \"title\": \"t\"} | 400 | board",
            "/api/v1/posts | {\"board\": \"b\", \"number\": 2, \"number\": 3, \"title\": \"t\"} | 400 | number",
            "/api/v1/articles | {\"title\": \"t\", \"body\": \"b\", \"captions\": [{\"text\": \"a\", \"text\": \"b\"}]} | 400 | captions[0].text",
            // bounded to what is plausible, so nothing pins itself to the top of a
            // listing
            "/api/v1/posts | {\"board\": \"b\", \"number\": 10000000000, \"title\": \"t\"} | 400 | number",
            "/api/v1/articles | {\"title\": \"t\", \"body\": \"b\", \"publishedAt\": \"9999-12-31\"} | 400 | publishedAt",
            "/api/v1/articles | {\"title\": \"t\", \"body\": \"b\", \"modifiedAt\": \"2999-01-01T00:00:00Z\"} | 400 | modifiedAt",
            // nothing visible is blank
            "/api/v1/posts | {\"board\": \"b\", \"number\": 1, \"title\": \"\u3164\u3164\"} | 400 | title",
            "/api/v1/posts | {\"board\": \"b\", \"number\": 1, \"title\": \"\u200D\u2060\u00AD\u2800\"} | 400 | title" })
    void badSingleRequestIsRejectedNamingTheFieldAndPublishesNothing(String path, String body, int status, String field)
            throws Exception {
        long before = published();
        this.mvc.perform(json(post(path), body))
            .andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void invalidUtf8JsonIs400AndPublishesNothing() throws Exception {
        byte[] body = "{\"title\": \"깨진 글자\", \"body\": \"본문\"}".getBytes(StandardCharsets.UTF_8);
        body[12] = (byte) 0xC3;
        body[13] = (byte) 0x28;
        long before = published();
        this.mvc.perform(
                post("/api/v1/articles").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(published()).isEqualTo(before);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder page(String fixture, MediaType type) throws Exception {
        try (var in = IngestApiTests.class.getResourceAsStream("/pages/" + fixture)) {
            return post("/api/v1/pages").header("X-API-Key", KEY)
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .content(in.readAllBytes());
        }
    }

    private static long published() {
        return TOPICS.size(Topics.ARTICLES) + TOPICS.size(Topics.POSTS);
    }

    /**
     * The newest events of the keys, in the keys' order, without what differs between two
     * acceptances of the same content (event id, times, revision, board and URL).
     */
    private static List<String> published(String topic, Iterable<?> keys) {
        List<String> wanted = new ArrayList<>();
        keys.forEach(key -> wanted.add(key instanceof JsonNode node ? node.asString() : key.toString()));
        Map<String, String> events = TOPICS.newestValues(topic, wanted);
        return wanted.stream().map(events::get).map(IngestApiTests::withoutAcceptance).toList();
    }

    private static String withoutAcceptance(String event) {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(event);
        node.remove(List.of("eventId", "occurredAt", "revision", "board", "url", "articleId", "contentHash"));
        return node.toString();
    }

}
