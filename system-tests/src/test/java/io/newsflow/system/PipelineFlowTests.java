package io.newsflow.system;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline through its HTTP APIs: what ingest accepts becomes readable from the
 * read models. Runs on every {@link NewsflowSystem} a subclass names.
 */
abstract class PipelineFlowTests {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final JsonMapper json = JsonMapper.builder().build();

    abstract NewsflowSystem system();

    @Test
    void articleAcceptedByIngestBecomesReadableFromArticleService() {
        HttpResponse<String> accepted = system().postJson("/api/v1/articles", """
                {
                  "url": "HTTPS://News.Example.KR/society/river-cleanup?utm_source=feed#top",
                  "title": "  하천   정화 활동에 주민 300명 참여 ",
                  "subtitles": ["“쓰레기 2톤 수거”", "“내년에도 계속한다”"],
                  "paragraphs": ["주말 아침 하천변에 주민들이 모여 정화 활동을 벌였다.", "구청은 참가자들에게 감사를 전했다."],
                  "captions": [{"text": "주민들이 하천변에서 쓰레기를 줍고 있다.", "credit": "연합"}],
                  "outlet": "푸른일보",
                  "author": "이도윤",
                  "publishedAt": "2024.07.21 09:30",
                  "tags": ["환경", "지역"]
                }
                """);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = read(accepted).get("id").asString();
        HttpResponse<String> article = await().atMost(WITHIN)
            .until(() -> system().getArticles("/api/v1/articles/" + id), response -> response.statusCode() == 200);
        JsonNode body = read(article);
        assertThat(body.get("title").asString()).isEqualTo("하천 정화 활동에 주민 300명 참여");
        assertThat(body.get("url").asString()).isEqualTo("https://news.example.kr/society/river-cleanup");
        assertThat(body.get("subtitles")).hasSize(2);
        assertThat(body.get("captions").get(0).get("credit").asString()).isEqualTo("연합");
        assertThat(body.get("publishedAt").asString()).isEqualTo("2024-07-21T00:30:00Z");
        assertThat(body.get("language").asString()).isEqualTo("ko");
    }

    @Test
    void sendingTheSameArticleAgainKeepsItsIdAndTheNewestRevisionWins() {
        String first = """
                {"url": "https://news.example.kr/it/chip-plant", "title": "반도체 공장 증설 발표",
                 "body": "한 제조사가 새 공장 증설 계획을 내놓았다.", "outlet": "테크데일리", "publishedAt": "2024-07-22"}
                """;
        String revised = first.replace("반도체 공장 증설 발표", "반도체 공장 증설 공식 발표");

        String id = read(system().postJson("/api/v1/articles", first)).get("id").asString();
        String again = read(system().postJson("/api/v1/articles", revised)).get("id").asString();

        assertThat(again).isEqualTo(id);
        await().atMost(WITHIN).untilAsserted(() -> {
            HttpResponse<String> article = system().getArticles("/api/v1/articles/" + id);
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(read(article).get("title").asString()).isEqualTo("반도체 공장 증설 공식 발표");
        });
    }

    @Test
    void postAcceptedByIngestBecomesReadableFromBoardService() {
        HttpResponse<String> accepted = system().postJson("/api/v1/posts", """
                {"board": "town-news", "number": 1207, "title": "[속보] 시내버스 노선 개편…내달 1일부터",
                 "author": "동네소식", "postedAt": "2024.07.24", "commentCount": 3}
                """);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(read(accepted).get("id").asString()).isEqualTo("town-news:1207");
        HttpResponse<String> post = await().atMost(WITHIN)
            .until(() -> system().getBoards("/api/v1/boards/town-news/posts/1207"),
                    response -> response.statusCode() == 200);
        JsonNode body = read(post);
        assertThat(body.get("title").asString()).isEqualTo("[속보] 시내버스 노선 개편…내달 1일부터");
        assertThat(body.get("author").asString()).isEqualTo("동네소식");
        assertThat(body.get("postedAt").asString()).isEqualTo("2024-07-23T15:00:00Z");
        assertThat(body.get("commentCount").asInt()).isEqualTo(3);
    }

    @Test
    void unknownEntitiesAnswer404ProblemDetails() {
        HttpResponse<String> article = system().getArticles("/api/v1/articles/a-000000000000000000000000");
        HttpResponse<String> post = system().getBoards("/api/v1/boards/town-news/posts/999999");

        assertThat(article.statusCode()).isEqualTo(404);
        assertThat(article.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(article).get("status").asInt()).isEqualTo(404);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(read(post).get("detail").asString()).contains("999999");
    }

    @Test
    void invalidArticleIsRejectedWithAProblemNamingTheField() {
        HttpResponse<String> rejected = system().postJson("/api/v1/articles", """
                {"url": "ftp://files.example.kr/a", "title": "제목만 있는 기사", "body": "본문"}
                """);

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(read(rejected).get("errors").get(0).get("field").asString()).isEqualTo("url");
    }

    private JsonNode read(HttpResponse<String> response) {
        return this.json.readTree(response.body());
    }

}
