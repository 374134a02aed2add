package io.newsflow.ingest.page;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.newsflow.contracts.Topics;
import io.newsflow.ingest.IngestApplication;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages as a crawler sends them over HTTP, where the request's content type is exactly
 * what the crawler wrote (a mock request would add a charset of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME,
                "newsflow.security.api-keys=" + PagesOverHttpTests.KEY })
@WithEmbeddedInfrastructure
class PagesOverHttpTests {

    static final String KEY = "pages-over-http-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void anEucKrPageWithoutACharsetInItsContentTypeIsReadAsItsMetaSays() throws Exception {
        byte[] page;
        try (InputStream in = PagesOverHttpTests.class.getResourceAsStream("/pages/html/euc-kr.html")) {
            page = in.readAllBytes();
        }
        for (String type : List.of("text/html", "text/html; charset=EUC-KR", "text/html; charset=ks_c_5601-1987")) {
            HttpResponse<String> answer = this.http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/pages?board=old-club"))
                        .header("Content-Type", type)
                        .header("X-API-Key", KEY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(page))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(type + ": " + answer.body()).isEqualTo(202);
            assertThat(JSON.readTree(answer.body()).get("layout").asString()).isEqualTo("gnuboard");
        }
        JsonNode row = JSON
            .readTree(RawTopics.shared().newestValues(Topics.POSTS, List.of("old-club:318")).get("old-club:318"));
        assertThat(row.get("title").asString()).isEqualTo("가을 출사 모임 후기");
        assertThat(row.get("author").asString()).isEqualTo("물안개");
        assertThat(row.get("commentCount").asInt()).isEqualTo(4);
    }

    /**
     * Feeds as crawlers send them: a news outlet's RSS in EUC-KR becomes articles, a
     * board's becomes posts with their text; an XML bomb is a 400 problem naming the
     * body.
     */
    @Test
    void feedsBecomeArticlesOrPostsAndXmlBombsAreRefused() throws Exception {
        HttpResponse<String> news = post("/api/v1/pages?board=sangol-news", "application/rss+xml",
                resource("/pages/feeds/news-rss-euc-kr.xml"));
        assertThat(news.statusCode()).as(news.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(news.body());
        assertThat(answer.get("layout").asString()).isEqualTo("rss");
        assertThat(answer.get("articles")).hasSize(2);
        assertThat(answer.get("skippedLines").asInt()).isEqualTo(1);
        String id = answer.get("articles").get(0).asString();
        JsonNode article = JSON.readTree(RawTopics.shared().newestValues(Topics.ARTICLES, List.of(id)).get(id));
        assertThat(article.get("title").asString()).isEqualTo("똠양꿍 축제 첫날 3만 명 몰려");
        assertThat(article.get("url").asString())
            .isEqualTo("https://www.sangol.example/news/articleView.html?idxno=51002");

        HttpResponse<String> board = post("/api/v1/pages?board=dure-free", "application/rss+xml; charset=utf-8",
                resource("/pages/feeds/gnuboard5-rss.xml"));
        assertThat(board.statusCode()).as(board.body()).isEqualTo(202);
        assertThat(JSON.readTree(board.body()).get("posts")).extracting(JsonNode::asString)
            .containsExactly("dure-free:7731", "dure-free:7702");

        byte[] bomb = """
                <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <rss version="2.0"><channel><title>&b;</title></channel></rss>""".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post("/api/v1/pages?board=dure-free", "application/xml", bomb);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("body").contains("DOCTYPE");
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Content-Type", type)
            .header("X-API-Key", KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = PagesOverHttpTests.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

}
