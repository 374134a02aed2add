package io.newsflow.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance check of the page intake on the reference page the product team keeps
 * beside the repository ({@code ../shared/samples/board-page.txt}); the page is read
 * where it is, never copied into the project, and the test is skipped where it is absent.
 * The parser's own tests use pages written for them.
 */
class SamplePageAcceptanceTests {

    private static final Path SAMPLE = Path.of("..", "..", "shared", "samples", "board-page.txt");

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void samplePageYieldsItsArticleAndTwentyPostsReadableFromTheReadModels() throws IOException {
        assumeThat(Files.exists(SAMPLE)).as("reference page at " + SAMPLE.toAbsolutePath()).isTrue();
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        String query = "?board=rank-news&crawledAt=2024-07-24T18:00:00%2B09:00&url="
                + URLEncoder.encode("https://board.example.kr/rank-news/29265", StandardCharsets.UTF_8);

        HttpResponse<String> answer = system.post("/api/v1/pages" + query, "text/plain; charset=UTF-8",
                Files.readAllBytes(SAMPLE));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode result = this.json.readTree(answer.body());
        assertThat(result.get("posts")).hasSize(20);
        String articleId = result.get("articleId").asString();
        JsonNode article = this.json.readTree(await().atMost(WITHIN)
            .until(() -> system.getArticles("/api/v1/articles/" + articleId), r -> r.statusCode() == 200)
            .body());
        assertThat(article.get("subtitles")).hasSize(3);
        assertThat(article.get("title").asString()).isEqualTo(article.get("subtitles").get(0).asString());
        assertThat(article.get("paragraphs").size()).isGreaterThanOrEqualTo(8);
        assertThat(article.get("captions")).hasSize(1);
        assertThat(article.get("captions").get(0).get("credit").asString()).isEqualTo("연합");
        assertThat(article.get("outlet").asString()).isEqualTo("조선비즈");

        List<String> lines = Files.readAllLines(SAMPLE);
        for (long number : LongStream.rangeClosed(29245, 29264).toArray()) {
            JsonNode post = this.json.readTree(await().atMost(WITHIN)
                .until(() -> system.getBoards("/api/v1/boards/rank-news/posts/" + number), r -> r.statusCode() == 200)
                .body());
            assertThat(post.get("author").asString()).isEqualTo("랭크뉴스");
            assertThat(post.get("postedAt").asString()).isEqualTo("2024-07-23T15:00:00Z");
            String expectedTitle = titleOnPage(lines, number);
            assertThat(post.get("title").asString()).isEqualTo(expectedTitle);
        }
        JsonNode boards = this.json.readTree(system.getBoards("/api/v1/boards").body());
        JsonNode board = boards.valueStream()
            .filter(b -> b.get("slug").asString().equals("rank-news"))
            .findFirst()
            .orElseThrow();
        assertThat(board.get("posts").asLong()).isEqualTo(20);
        assertThat(board.get("newestNumber").asLong()).isEqualTo(29264);
    }

    /** The title as the page shows it: the row without its number, author and date. */
    private static String titleOnPage(List<String> lines, long number) {
        String row = lines.stream().filter(line -> line.startsWith(number + " ")).findFirst().orElseThrow();
        String withoutNumber = row.substring(row.indexOf(' ') + 1);
        return withoutNumber.substring(0, withoutNumber.lastIndexOf(" 랭크뉴스 "));
    }

}
