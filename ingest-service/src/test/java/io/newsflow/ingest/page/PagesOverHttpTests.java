package io.newsflow.ingest.page;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

}
