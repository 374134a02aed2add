package io.newsflow.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.Figures;
import io.newsflow.testsupport.RawTopics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario 5, as it runs in {@code ./mvnw verify}: at least 500 generated hostile requests
 * against all three services. Every answer is a 4xx, never a 5xx or a hang, nothing is published,
 * and the read models are unchanged afterwards.
 */
class HostileInputTests {

    private static final Duration NO_HANG = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Random random = new Random(20240724);

    @Test
    void everyHostileRequestIsAnswered4xxAndChangesNothing() throws Exception {
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        List<HttpRequest> requests = hostileRequests(system);
        String boardsBefore = system.getBoards("/api/v1/boards").body();
        String outletsBefore = system.getArticles("/api/v1/outlets").body();
        long publishedBefore;
        try (RawTopics topics = new RawTopics(EmbeddedInfrastructure.shared())) {
            publishedBefore = topics.size(Topics.ARTICLES) + topics.size(Topics.POSTS);
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        long slowest = 0;
        for (HttpRequest request : requests) {
            long started = System.nanoTime();
            int status = send(request);
            slowest = Math.max(slowest, System.nanoTime() - started);
            statuses.merge(status, 1, Integer::sum);
            if (status < 400 || status > 499) {
                wrong.add(status + " " + request.method() + " " + request.uri());
            }
        }

        long publishedAfter;
        try (RawTopics topics = new RawTopics(EmbeddedInfrastructure.shared())) {
            publishedAfter = topics.size(Topics.ARTICLES) + topics.size(Topics.POSTS);
        }
        Figures.print("hostile-input: requests=" + requests.size() + " answered4xx=" + (requests.size() - wrong.size())
                + " other=" + wrong.size() + " published=" + (publishedAfter - publishedBefore) + " slowestMs="
                + slowest / 1_000_000 + " statuses=" + statuses);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(500);
        assertThat(wrong).isEmpty();
        assertThat(publishedAfter).isEqualTo(publishedBefore);
        assertThat(system.getBoards("/api/v1/boards").body()).isEqualTo(boardsBefore);
        assertThat(system.getArticles("/api/v1/outlets").body()).isEqualTo(outletsBefore);
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (HttpTimeoutException ex) {
            return -1;
        }
    }

    private List<HttpRequest> hostileRequests(NewsflowSystem system) {
        List<HttpRequest> requests = new ArrayList<>();
        String ingest = system.ingestUrl();
        List<String> writes = List.of("/api/v1/articles", "/api/v1/posts", "/api/v1/articles/batch",
                "/api/v1/posts/batch");
        for (int round = 0; round < 12; round++) {
            for (String path : writes) {
                for (byte[] body : hostileBodies()) {
                    requests.add(write(ingest + path, "application/json", body, NewsflowSystem.API_KEY));
                }
                requests.add(write(ingest + path, "application/json", validPost(), null));
                requests.add(write(ingest + path, "application/json", validPost(), "wrong-" + round));
                requests.add(write(ingest + path, "text/xml", validPost(), NewsflowSystem.API_KEY));
                requests.add(write(ingest + path, "application/x-www-form-urlencoded",
                        "title=a&body=b".getBytes(StandardCharsets.UTF_8), NewsflowSystem.API_KEY));
            }
            requests.add(write(ingest + "/api/v1/pages?board=" + (round % 2 == 0 ? "..%2Fetc" : "%7B%22%24gt%22%3A1%7D"),
                    "text/plain", "번호 제목 글쓴이 날짜\n1 글 손님 14:00".getBytes(StandardCharsets.UTF_8),
                    NewsflowSystem.API_KEY));
            requests.add(write(ingest + "/api/v1/pages?board=ok", "text/plain", randomBytes(200), NewsflowSystem.API_KEY));
            requests.add(delete(ingest + "/api/v1/articles/..%2F..%2Fetc%2Fpasswd"));
            requests.add(delete(ingest + "/api/v1/boards/%24where/posts/1"));
            requests.add(delete(ingest + "/api/v1/articles/" + "a".repeat(3000)));
        }
        for (String query : List.of("q%5B%24ne%5D=x", "q=%7B%22%24gt%22%3A%22%22%7D", "q=%24where", "outlet=%7B%7D",
                "limit=-1", "limit=100000", "cursor=..%2F..", "from=%00", "outlet.%24gt=a", "q=a&q=b")) {
            for (int i = 0; i < 3; i++) {
                requests.add(get(system.articlesUrl() + "/api/v1/articles?" + query));
                requests.add(get(system.boardsUrl() + "/api/v1/boards/free/posts?" + query.replace("limit", "size")));
            }
        }
        for (String path : List.of("/api/v1/articles/..%2F..%2Fetc%2Fpasswd", "/api/v1/articles/%24where",
                "/api/v1/articles/" + "a".repeat(5000), "/api/v1/articles/%00")) {
            requests.add(get(system.articlesUrl() + path));
        }
        for (String path : List.of("/api/v1/boards/..%2Fadmin/posts/1", "/api/v1/boards/free/posts/-1",
                "/api/v1/boards/free/posts/99999999999999999999", "/api/v1/boards/%7B%22%24ne%22%3A1%7D/posts",
                "/api/v1/boards/free/posts/abc")) {
            requests.add(get(system.boardsUrl() + path));
        }
        return requests;
    }

    private List<byte[]> hostileBodies() {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add("{\"title\": \"닫히지 않은".getBytes(StandardCharsets.UTF_8));
        bodies.add(("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"title\": \"" + "가".repeat(600_000) + "\", \"body\": \"b\"}").getBytes(StandardCharsets.UTF_8));
        bodies.add(randomBytes(300));
        bodies.add("{\"title\": 12, \"number\": \"열둘\", \"board\": [1]}".getBytes(StandardCharsets.UTF_8));
        bodies.add("{\"title\": {\"$gt\": \"\"}, \"body\": \"b\", \"board\": {\"$ne\": null}, \"number\": 1}"
                .getBytes(StandardCharsets.UTF_8));
        bodies.add("{\"$where\": \"sleep(1000)\", \"title\": \"t\", \"body\": \"b\", \"board\": \"b\", \"number\": 1}"
                .getBytes(StandardCharsets.UTF_8));
        bodies.add("null".getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[0]);
        return bodies;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        this.random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        return bytes;
    }

    private static byte[] validPost() {
        return "{\"board\": \"hostile\", \"number\": 1, \"title\": \"열쇠 없이 보낸 글\"}".getBytes(StandardCharsets.UTF_8);
    }

    private static HttpRequest write(String url, String contentType, byte[] body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(NO_HANG)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return request.build();
    }

    private static HttpRequest delete(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(NO_HANG).header("X-API-Key", "not-a-key").DELETE()
                .build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(NO_HANG).GET().build();
    }
}
