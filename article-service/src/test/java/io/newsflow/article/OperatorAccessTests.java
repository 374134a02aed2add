package io.newsflow.article;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator endpoints of the management port (dead letters, rebuild) answer only to an
 * operator key, however their path is spelled; health, info and prometheus stay open for
 * probes and scrapers; the read API takes no writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + ArticleApplication.CONFIG_NAME, "management.server.port=0",
                "newsflow.security.operator-keys=" + OperatorAccessTests.OPERATOR_KEY,
                "newsflow.security.api-keys=" + OperatorAccessTests.WRITE_KEY })
@WithEmbeddedInfrastructure
class OperatorAccessTests {

    static final String OPERATOR_KEY = "operator-key-7e31";

    static final String WRITE_KEY = "write-key-not-for-operators";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    private int managementPort;

    @LocalServerPort
    private int port;

    @Test
    void operatorEndpointsNeedAnOperatorKey() throws Exception {
        for (String path : List.of("/actuator/deadletters", "/actuator/rebuild", "/actuator")) {
            for (String method : List.of("GET", "POST")) {
                assertThat(management(method, path, null).statusCode()).as(method + " " + path).isEqualTo(401);
                assertThat(management(method, path, "wrong").statusCode()).as(method + " " + path).isEqualTo(403);
                assertThat(management(method, path, WRITE_KEY).statusCode()).as(method + " " + path).isEqualTo(403);
            }
        }
        assertThat(management("GET", "/actuator/deadletters", OPERATOR_KEY).statusCode()).isEqualTo(200);
        assertThat(management("GET", "/actuator/rebuild", OPERATOR_KEY).body()).contains("\"state\"");
    }

    @Test
    void noSpellingOfAnOperatorPathGetsPastWithoutTheKey() throws Exception {
        for (String path : List.of("/actuator/rebuild/", "/actuator/%72ebuild", "/%61ctuator/rebuild",
                "/actuator;x/rebuild", "/actuator/rebuild;x", "//actuator/rebuild", "/actuator/./rebuild",
                "/x/../actuator/rebuild", "/actuator/%2e/rebuild", "/actuator%2Frebuild", "/ACTUATOR/REBUILD",
                "/actuator/deadletters/0-1", "/actuator/deadletters/0-1;x", "/actuator/health/../rebuild",
                "/actuator/health/..%2Frebuild", "/actuator/health;/../rebuild")) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                HttpResponse<String> response = management(method, path, null);
                assertThat(response.statusCode()).as(method + " " + path).isBetween(400, 499);
                assertThat(response.headers().firstValue("Content-Type")).as(method + " " + path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void probesAndScrapersNeedNoKey() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness",
                "/actuator/info", "/actuator/prometheus")) {
            assertThat(management("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    /**
     * Health says every component's status to anyone, its details (broker ids, store
     * versions) only to an operator.
     */
    @Test
    void healthDetailsNeedTheOperatorKey() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode open = json.readTree(management("GET", "/actuator/health", null).body());
        assertThat(open.at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(open.at("/components/mongo/details").isMissingNode()).isTrue();
        JsonNode operator = json.readTree(management("GET", "/actuator/health", OPERATOR_KEY).body());
        assertThat(operator.at("/components/mongo/details").isMissingNode()).isFalse();
    }

    /**
     * What runs: the build (artifact, version, time) and, built from a clone, its commit.
     */
    @Test
    void infoShowsTheBuildAndItsCommit() throws Exception {
        JsonNode info = JsonMapper.builder().build().readTree(management("GET", "/actuator/info", null).body());
        assertThat(info.at("/build/artifact").asString()).isEqualTo("article-service");
        assertThat(info.at("/build/version").asString()).isNotBlank();
        assertThat(info.at("/build/time").asString()).isNotBlank();
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("..", ".git"))) {
            assertThat(info.at("/git/commit/id").asString()).matches("[0-9a-f]{7,40}");
            assertThat(info.at("/git/branch").isMissingNode()).isFalse();
        }
    }

    @Test
    void theReadApiTakesNoWrites() throws Exception {
        HttpResponse<String> write = this.http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/articles"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(401);
        HttpResponse<String> read = this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/articles")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> management(String method, String path, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path))
            .header("Content-Type", "application/json")
            .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{\"action\":\"discard\"}"));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
