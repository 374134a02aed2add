package io.newsflow.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /**
     * A wire article, then a board page that reposts it (a text page, the post it shows
     * named by the crawler): article-service lists the post among the reposts of the wire
     * article's story, board-service holds the post with the article as its body and
     * names the article; the link crossed from service to service by events alone.
     */
    @Test
    void aBoardPostRepostingAWireArticleIsListedInTheArticlesStory() {
        List<String> paragraphs = List.of("산림청은 올여름 장마가 끝난 뒤 전국 휴양림 스무 곳의 숲길을 새로 정비해 다시 연다고 밝혔다.",
                "정비 구간에는 경사가 심한 곳마다 나무 계단과 난간을 새로 놓고, 비에 쓸려 나간 흙길은 자갈을 깔아 다졌다.",
                "산림청 관계자는 이용객이 많은 주말에는 안전 요원을 두 배로 늘려 숲길 곳곳에 배치하겠다고 설명했다.",
                "휴양림 예약은 다음 달 첫째 주부터 누리집에서 받으며, 장애인과 노약자를 위한 무장애 숲길도 함께 문을 연다.");
        String wire = this.json.writeValueAsString(
                Map.of("url", "https://wire.example.kr/2024/08/forest-trails", "title", "휴양림 숲길 스무 곳 새로 정비해 다시 연다",
                        "paragraphs", paragraphs, "outlet", "한빛통신", "publishedAt", "2024-08-12T10:00:00+09:00"));
        HttpResponse<String> original = system().postJson("/api/v1/articles", wire);
        assertThat(original.statusCode()).as(original.body()).isEqualTo(202);
        String wireId = read(original).get("id").asString();
        String page = "휴양림 숲길 스무 곳 새로 정비해 다시 연다\n\n입력 2024.08.12 10:40\n\n" + String.join("\n\n", paragraphs)
                + "\n\n한빛통신\n\n번호 제목 글쓴이 날짜\n"
                + "7302 주말 등산로 추천 부탁드립니다 산바람 2024.08.12\n7301 계곡 물놀이 안전 수칙 정리 여름손님 2024.08.11\n";

        HttpResponse<String> accepted = system().post(
                "/api/v1/pages?board=forest-talk&number=7303&url=https://board.example.kr/forest-talk/7303",
                "text/plain; charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode result = read(accepted);
        assertThat(result.get("post").asString()).isEqualTo("forest-talk:7303");
        String repostId = result.get("articleId").asString();
        JsonNode story = read(await().atMost(WITHIN)
            .until(() -> system().getArticles("/api/v1/stories/" + wireId),
                    response -> response.statusCode() == 200 && read(response).get("reposts").size() == 1));
        assertThat(story.get("size").asInt()).isEqualTo(2);
        JsonNode repost = story.get("reposts").get(0);
        assertThat(repost.get("board").asString()).isEqualTo("forest-talk");
        assertThat(repost.get("number").asLong()).isEqualTo(7303);
        assertThat(repost.get("articleId").asString()).isEqualTo(repostId);
        JsonNode post = read(await().atMost(WITHIN)
            .until(() -> system().getBoards("/api/v1/boards/forest-talk/posts/7303"),
                    response -> response.statusCode() == 200 && read(response).hasNonNull("articleId")));
        assertThat(post.get("articleId").asString()).isEqualTo(repostId);
        assertThat(post.get("body").asString()).startsWith(paragraphs.get(0));
        assertThat(post.get("title").asString()).isEqualTo("휴양림 숲길 스무 곳 새로 정비해 다시 연다");
    }

    private JsonNode read(HttpResponse<String> response) {
        return this.json.readTree(response.body());
    }

}
