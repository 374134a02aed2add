package io.newsflow.ingest.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.newsflow.contracts.Topics;
import io.newsflow.ingest.IngestApplication;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write promise against a real server, as an attacker spells requests: no request
 * that can change state gets past without a valid API key, whatever its path spelling,
 * method or headers; paths the firewall considers malformed are rejected before routing
 * even with a key; every answer is a problem detail and nothing is published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME,
                "newsflow.security.api-keys=" + WriteAccessTests.KEY,
                "newsflow.security.operator-keys=" + WriteAccessTests.OPERATOR_KEY })
@WithEmbeddedInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class WriteAccessTests {

    static final String KEY = "write-access-key-5d1f";

    static final String OPERATOR_KEY = "operator-key-88c2";

    private static final RawTopics TOPICS = RawTopics.shared();

    /** Every route that changes state, as the API documents it. */
    private static final List<String> WRITE_ROUTES = List.of("/api/v1/articles", "/api/v1/articles/batch",
            "/api/v1/posts", "/api/v1/posts/batch", "/api/v1/pages?board=spelled",
            "/api/v1/articles/a-0123456789abcdef01234567", "/api/v1/boards/ranknews/posts/29264");

    private static final List<String> WRITE_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void noRequestChangesStateWithoutAValidKeyWhateverItsSpelling(CapturedOutput output) throws Exception {
        long before = published();
        List<String> admitted = new ArrayList<>();
        int sent = 0;
        for (String route : WRITE_ROUTES) {
            for (String path : spellings(route)) {
                for (String method : WRITE_METHODS) {
                    for (String key : new String[] { null, "", "wrong-key", OPERATOR_KEY, KEY.toUpperCase(),
                            KEY + " x" }) {
                        HttpResponse<String> response = send(method, path, key, validBody(route));
                        sent++;
                        if (response.statusCode() < 400 || response.statusCode() > 499
                                || !response.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("application/problem+json")) {
                            admitted.add(method + " " + path + " key=" + key + " -> " + response.statusCode());
                        }
                    }
                }
            }
        }
        assertThat(sent).isGreaterThan(1000);
        assertThat(admitted).isEmpty();
        assertThat(published()).isEqualTo(before);
        assertThat(output).doesNotContain(KEY).doesNotContain(OPERATOR_KEY);
    }

    @Test
    void pathsTheFirewallConsidersMalformedAreRejectedEvenWithAKey() throws Exception {
        long before = published();
        for (String path : List.of("/api;x/v1/posts", "/api/v1;x/posts", "/api/v1/posts;jsessionid=1", "/api/v1//posts",
                "//api/v1/posts", "/./api/v1/posts", "/x/../api/v1/posts", "/api/v1/%2e/posts",
                "/api/%2E%2E/api/v1/posts", "/api%2Fv1/posts", "/api%2fv1%2fposts", "/api%5Cv1%5Cposts",
                "/api/v1/posts%00", "/api/v1/posts%0a", "/api/v1/%252e/posts")) {
            HttpResponse<String> response = send("POST", path, KEY, validBody("/api/v1/posts"));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void methodOverridesNeverTurnAReadIntoAWrite() throws Exception {
        long before = published();
        for (String override : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            for (String method : WRITE_METHODS) {
                HttpResponse<String> response = this.http
                    .send(HttpRequest.newBuilder(url("/api/v1/posts?_method=" + method))
                        .header(override, method)
                        .GET()
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isBetween(400, 499);
            }
        }
        HttpResponse<String> form = send("POST", "/api/v1/posts?_method=GET", null, validBody("/api/v1/posts"));
        assertThat(form.statusCode()).isEqualTo(401);
        assertThat(published()).isEqualTo(before);
    }

    @Test
    void aValidKeyWritesWhateverEquivalentSpellingRoutesTheRequest() throws Exception {
        long before = published();
        assertThat(send("POST", "/%61pi/v1/%70osts", KEY, validBody("/api/v1/posts")).statusCode()).isEqualTo(202);
        assertThat(published()).isEqualTo(before + 1);
    }

    /** The route as written, and as an attacker might spell it. */
    private static Set<String> spellings(String route) {
        String path = route.contains("?") ? route.substring(0, route.indexOf('?')) : route;
        String query = route.contains("?") ? route.substring(route.indexOf('?')) : "";
        Set<String> spelled = new LinkedHashSet<>();
        spelled.add(path);
        spelled.add(path + "/");
        spelled.add(path.toUpperCase());
        spelled.add(path.replace("/api/", "/%61pi/"));
        spelled.add(path.replace("/v1/", "/%76%31/"));
        spelled.add(path.replace("/api/", "/api;x/"));
        spelled.add(path + ";jsessionid=0");
        spelled.add(path.replace("/v1/", "/v1;v=2/"));
        spelled.add(path.replace("/api/", "/api%2F").replace("/v1/", "v1/"));
        spelled.add(path.replace("/api/", "//api/"));
        spelled.add(path.replace("/v1/", "/v1//"));
        spelled.add(path.replace("/api/", "/./api/"));
        spelled.add(path.replace("/api/", "/api/x/../"));
        spelled.add(path.replace("/api/", "/api/%2e/"));
        spelled.add(path.replace("/api/", "/static/%2e%2e/api/"));
        spelled.add(path.replace("/api/", "/api/%2E%2E/api/"));
        spelled.add(path + ".json");
        spelled.add(path + "%20");
        spelled.add(path + "%00");
        List<String> withQuery = new ArrayList<>();
        spelled.forEach(spelling -> withQuery.add(spelling + query));
        return new LinkedHashSet<>(withQuery);
    }

    private static String validBody(String route) {
        if (route.contains("/batch")) {
            return "[{\"board\":\"spelled\",\"number\":1,\"title\":\"열쇠 없는 글\"}]";
        }
        return "{\"board\":\"spelled\",\"number\":1,\"title\":\"열쇠 없는 글\"}";
    }

    private HttpResponse<String> send(String method, String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
            .header("Content-Type", path.contains("/pages") ? "text/plain" : "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    private static long published() {
        return TOPICS.size(Topics.ARTICLES) + TOPICS.size(Topics.POSTS);
    }

}
