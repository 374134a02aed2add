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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.Figures;
import io.newsflow.testsupport.RawTopics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario 5, as it runs in {@code ./mvnw verify}: generated hostile requests
 * of many kinds against all three services. Every answer is a 4xx, never a 5xx or a hang,
 * nothing is published, and the read models are unchanged afterwards. The kinds:
 * malformed and misshapen bodies, missing and wrong keys, injection-shaped parameters and
 * paths, write paths spelled to dodge the key check, method-override headers, operator
 * endpoints without their key, oversized pages and inputs built to make a parser slow
 * (each must be answered within {@link #SLOW_INPUT}).
 */
class HostileInputTests {

    private static final Duration NO_HANG = Duration.ofSeconds(10);

    /** The longest any single input built to be slow may take to be answered. */
    private static final Duration SLOW_INPUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Random random = new Random(20240724);

    @Test
    void everyHostileRequestIsAnswered4xxAndChangesNothing() throws Exception {
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        List<Probe> probes = probes(system);
        String boardsBefore = system.getBoards("/api/v1/boards").body();
        String outletsBefore = system.getArticles("/api/v1/outlets").body();
        long publishedBefore;
        try (RawTopics topics = new RawTopics(EmbeddedInfrastructure.shared())) {
            publishedBefore = topics.size(Topics.ARTICLES) + topics.size(Topics.POSTS);
        }

        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        long slowest = 0;
        for (Probe probe : probes) {
            long started = System.nanoTime();
            int status = send(probe.request());
            long elapsed = System.nanoTime() - started;
            slowest = Math.max(slowest, elapsed);
            statuses.merge(status, 1, Integer::sum);
            kinds.merge(probe.kind(), 1, Integer::sum);
            if (status < 400 || status > 499) {
                wrong.add(status + " " + probe.kind() + " " + probe.request().method() + " " + probe.request().uri());
            }
            if (probe.kind().equals("slow-input") && elapsed > SLOW_INPUT.toNanos()) {
                slow.add(elapsed / 1_000_000 + " ms " + probe.request().uri());
            }
        }

        long publishedAfter;
        try (RawTopics topics = new RawTopics(EmbeddedInfrastructure.shared())) {
            publishedAfter = topics.size(Topics.ARTICLES) + topics.size(Topics.POSTS);
        }
        Figures.print("hostile-input: requests=" + probes.size() + " kinds=" + kinds.size() + " answered4xx="
                + (probes.size() - wrong.size()) + " other=" + wrong.size() + " published="
                + (publishedAfter - publishedBefore) + " slowestMs=" + slowest / 1_000_000 + " statuses=" + statuses
                + " byKind=" + kinds);
        assertThat(probes).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(wrong).isEmpty();
        assertThat(slow).isEmpty();
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

    /** A hostile request and what kind of attack it is. */
    private record Probe(String kind, HttpRequest request) {
    }

    /**
     * Posts whose fields could be read two ways (coerced, truncated, given twice), or
     * whose title shows nothing or lies about its direction, or whose dates and numbers
     * would pin them to the top of a listing.
     */
    private static final List<String> AMBIGUOUS_POSTS = List.of(
            "{\"board\": \"hostile\", \"number\": 1.5, \"title\": \"반쪽 번호\"}",
            "{\"board\": \"hostile\", \"number\": \"12\", \"title\": \"글자 번호\"}",
            "{\"board\": \"hostile\", \"number\": 1, \"title\": true}",
            "{\"board\": 7, \"number\": 1, \"title\": \"숫자 게시판\"}",
            "{\"board\": \"hostile\", \"number\": 2, \"number\": 3, \"title\": \"두 번 준 번호\"}",
            "{\"board\": \"hostile\", \"number\": 1, \"title\": \"t\", \"commentCount\": 1.9}",
            "{\"board\": \"hostile\", \"number\": 1, \"title\": \"\u3164\u3164\"}",
            "{\"board\": \"hostile\", \"number\": 1, \"title\": \"\u200D\u2060\u00AD\u2800\uFFA0\"}",
            "{\"board\": \"hostile\", \"number\": 1, \"title\": \"\u202E\u2066\u2069\"}",
            "{\"board\": \"hostile\", \"number\": 1, \"title\": \"미래\", \"postedAt\": \"9999-12-31\"}",
            "{\"board\": \"hostile\", \"number\": 9223372036854775807, \"title\": \"맨 위\"}",
            "{\"board\": \"hostile\", \"number\": 1, \"title\": \"t\", \"crawledAt\": \"2999-01-01T00:00:00Z\"}");

    private List<Probe> probes(NewsflowSystem system) {
        List<Probe> probes = new ArrayList<>();
        String ingest = system.ingestUrl();
        List<String> writes = List.of("/api/v1/articles", "/api/v1/posts", "/api/v1/articles/batch",
                "/api/v1/posts/batch");
        for (int round = 0; round < 12; round++) {
            for (String path : writes) {
                for (byte[] body : hostileBodies()) {
                    probes.add(new Probe("malformed-body",
                            write(ingest + path, "application/json", body, NewsflowSystem.API_KEY)));
                }
                probes.add(new Probe("missing-key", write(ingest + path, "application/json", validPost(), null)));
                probes.add(new Probe("wrong-key",
                        write(ingest + path, "application/json", validPost(), "wrong-" + round)));
                probes.add(new Probe("operator-key-for-writes",
                        write(ingest + path, "application/json", validPost(), NewsflowSystem.OPERATOR_KEY)));
                probes.add(new Probe("content-type",
                        write(ingest + path, "text/xml", validPost(), NewsflowSystem.API_KEY)));
                probes.add(new Probe("content-type", write(ingest + path, "application/x-www-form-urlencoded",
                        "title=a&body=b".getBytes(StandardCharsets.UTF_8), NewsflowSystem.API_KEY)));
            }
            for (String body : AMBIGUOUS_POSTS) {
                probes.add(new Probe("one-meaning", write(ingest + "/api/v1/posts", "application/json",
                        body.getBytes(StandardCharsets.UTF_8), NewsflowSystem.API_KEY)));
            }
            probes.add(new Probe("charset", write(ingest + "/api/v1/posts", "application/json; charset=euc-kr",
                    validPost(), NewsflowSystem.API_KEY)));
            probes.add(new Probe("body-on-get",
                    HttpRequest.newBuilder(URI.create(system.boardsUrl() + "/api/v1/boards"))
                        .timeout(NO_HANG)
                        .method("GET", HttpRequest.BodyPublishers.ofString("{\"page\": 0}"))
                        .build()));
            probes.add(new Probe("injection-parameter",
                    write(ingest + "/api/v1/pages?board=" + (round % 2 == 0 ? "..%2Fetc" : "%7B%22%24gt%22%3A1%7D"),
                            "text/plain", "번호 제목 글쓴이 날짜\n1 글 손님 14:00".getBytes(StandardCharsets.UTF_8),
                            NewsflowSystem.API_KEY)));
            probes.add(new Probe("malformed-body",
                    write(ingest + "/api/v1/pages?board=ok", "text/plain", randomBytes(200), NewsflowSystem.API_KEY)));
            probes.add(new Probe("injection-path", delete(ingest + "/api/v1/articles/..%2F..%2Fetc%2Fpasswd")));
            probes.add(new Probe("injection-path", delete(ingest + "/api/v1/boards/%24where/posts/1")));
            probes.add(new Probe("injection-path", delete(ingest + "/api/v1/articles/" + "a".repeat(3000))));
        }
        for (String query : List.of("q%5B%24ne%5D=x", "q=%7B%22%24gt%22%3A%22%22%7D", "q=%24where", "outlet=%7B%7D",
                "limit=-1", "limit=100000", "cursor=..%2F..", "from=%00", "outlet.%24gt=a", "q=a&q=b",
                "from=%2B10000-01-01T00:00:00Z", "to=%2B999999999-12-31T23:59:59Z", "outlet=" + "x".repeat(5000))) {
            for (int i = 0; i < 3; i++) {
                probes.add(new Probe("injection-parameter", get(system.articlesUrl() + "/api/v1/articles?" + query)));
                probes.add(new Probe("injection-parameter", get(system.boardsUrl() + "/api/v1/boards/free/posts?"
                        + query.replace("limit", "size").replace("outlet", "author"))));
            }
        }
        for (String path : List.of("/api/v1/articles/..%2F..%2Fetc%2Fpasswd", "/api/v1/articles/%24where",
                "/api/v1/articles/" + "a".repeat(5000), "/api/v1/articles/%00")) {
            probes.add(new Probe("injection-path", get(system.articlesUrl() + path)));
        }
        for (String path : List.of("/api/v1/boards/..%2Fadmin/posts/1", "/api/v1/boards/free/posts/-1",
                "/api/v1/boards/free/posts/99999999999999999999", "/api/v1/boards/%7B%22%24ne%22%3A1%7D/posts",
                "/api/v1/boards/free/posts/abc")) {
            probes.add(new Probe("injection-path", get(system.boardsUrl() + path)));
        }
        pathSpellings(ingest, probes);
        methodOverrides(ingest, probes);
        operatorEndpoints(system, probes);
        oversizedPages(ingest, probes);
        slowInputs(ingest, probes);
        return probes;
    }

    /**
     * Every write route, spelled so that a prefix check on the raw path would miss it; no
     * key.
     */
    private static void pathSpellings(String ingest, List<Probe> probes) {
        List<String> routes = List.of("/api/v1/articles", "/api/v1/posts", "/api/v1/posts/batch", "/api/v1/pages",
                "/api/v1/articles/a-0123456789abcdef01234567", "/api/v1/boards/ranknews/posts/29264");
        List<String> methods = List.of("POST", "PUT", "PATCH", "DELETE");
        for (String route : routes) {
            List<String> spellings = List.of(route.replace("/api/", "/api;x/"), route + ";jsessionid=1",
                    route.replace("/api/", "/%61pi/"), route.replace("/v1/", "/%76%31/"),
                    route.replace("/api/", "//api/"), route.replace("/v1/", "/v1//"), route.replace("/api/", "/./api/"),
                    route.replace("/api/", "/x/../api/"), route.replace("/api/", "/api/%2e/"),
                    route.replace("/api/", "/api/%2E%2E/api/"),
                    route.replace("/api/", "/api%2F").replace("/v1/", "v1/"), route + "/", route.toUpperCase(),
                    route + "%20", route + ".json", route.replace("/api/", "/api%5C"));
            for (String spelled : spellings) {
                for (String method : methods) {
                    probes.add(new Probe("path-spelling",
                            HttpRequest.newBuilder(URI.create(ingest + spelled))
                                .timeout(NO_HANG)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofByteArray(validPost()))
                                .build()));
                }
            }
        }
    }

    /** A read turned into a write by a header or a parameter, with and without a key. */
    private static void methodOverrides(String ingest, List<Probe> probes) {
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                probes.add(new Probe("method-override",
                        HttpRequest.newBuilder(URI.create(ingest + "/api/v1/posts?_method=" + method))
                            .timeout(NO_HANG)
                            .header(header, method)
                            .GET()
                            .build()));
                probes.add(new Probe("method-override",
                        HttpRequest
                            .newBuilder(URI.create(ingest + "/api/v1/boards/ranknews/posts/29264?_method=" + method))
                            .timeout(NO_HANG)
                            .header(header, method)
                            .header("X-API-Key", NewsflowSystem.API_KEY)
                            .GET()
                            .build()));
            }
        }
    }

    /**
     * Dead letters and rebuild of both read models: without a key, with a wrong one, with
     * a write key.
     */
    private static void operatorEndpoints(NewsflowSystem system, List<Probe> probes) {
        for (String management : List.of(system.managementUrls().get("article-service"),
                system.managementUrls().get("board-service"))) {
            for (String path : List.of("/actuator/deadletters", "/actuator/rebuild", "/actuator/deadletters/0-0",
                    "/actuator", "/actuator;x/rebuild", "/actuator/%72ebuild", "/actuator/rebuild/")) {
                for (String key : new String[] { null, "wrong", NewsflowSystem.API_KEY }) {
                    for (String method : List.of("GET", "POST", "DELETE")) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(management + path))
                            .timeout(NO_HANG)
                            .header("Content-Type", "application/json")
                            .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{\"action\": \"discard\"}"));
                        if (key != null) {
                            request.header("X-API-Key", key);
                        }
                        probes.add(new Probe("operator-endpoint", request.build()));
                    }
                }
            }
        }
    }

    /**
     * Pages past the body limit, the HTML limit, a line's limit and a batch's worth of
     * items.
     */
    private void oversizedPages(String ingest, List<Probe> probes) {
        probes.add(new Probe("oversized-page", write(ingest + "/api/v1/pages?board=huge", "text/plain",
                new byte[10 * 1024 * 1024 + 1], NewsflowSystem.API_KEY)));
        probes.add(new Probe("oversized-page",
                write(ingest + "/api/v1/pages?board=huge", "text/html",
                        ("<p>" + "가".repeat(1_000_000) + "</p>").repeat(4).getBytes(StandardCharsets.UTF_8),
                        NewsflowSystem.API_KEY)));
        probes.add(new Probe("oversized-page", write(ingest + "/api/v1/pages?board=huge", "text/plain",
                "가".repeat(100_001).getBytes(StandardCharsets.UTF_8), NewsflowSystem.API_KEY)));
        String rows = IntStream.rangeClosed(1, 1001)
            .mapToObj(n -> n + " 넘치는 목록 " + n + " 손님 2024.07.24")
            .collect(Collectors.joining("\n"));
        probes.add(new Probe("oversized-page", write(ingest + "/api/v1/pages?board=huge", "text/plain",
                ("번호 제목 글쓴이 날짜\n" + rows).getBytes(StandardCharsets.UTF_8), NewsflowSystem.API_KEY)));
        String html = IntStream.rangeClosed(1, 1001)
            .mapToObj(n -> "<tr><td>" + n + "</td><td><a href=\"/b/" + n
                    + "\">넘치는 글</a></td><td>손님</td><td>2024.07.24</td></tr>")
            .collect(Collectors.joining());
        probes.add(new Probe("oversized-page", write(ingest + "/api/v1/pages?board=huge", "text/html",
                ("<div id=\"bo_list\"><table><thead><tr><th>번호</th><th>제목</th><th>글쓴이</th><th>날짜</th></tr></thead>"
                        + "<tbody>" + html + "</tbody></table></div>")
                    .getBytes(StandardCharsets.UTF_8),
                NewsflowSystem.API_KEY)));
    }

    /**
     * Inputs built against every pattern a parser once had (runs of spaces after
     * {@code 기사}, before a slash, inside a row; brackets; deep nesting; blank lines),
     * sized near the limits. Each is rejected (its rows are not rows, or the page has too
     * many items after its article was read) and must be answered within
     * {@link #SLOW_INPUT}.
     */
    private static void slowInputs(String ingest, List<Probe> probes) {
        String spaces = " ".repeat(90_000);
        String tooManyRows = "\n번호 제목 글쓴이 날짜\n"
                + IntStream.rangeClosed(1, 1001).mapToObj(n -> n + " 글 손님 14:00").collect(Collectors.joining("\n"));
        List<String> texts = List.of("기사" + spaces + "a" + tooManyRows,
                "기사 입력" + spaces + ":" + spaces + "a" + tooManyRows, "사진" + spaces + "/" + spaces + "a" + tooManyRows,
                ("가 " + " /".repeat(40_000)) + tooManyRows, "번호 제목 글쓴이 날짜\n" + ("1 기사" + spaces + "a\n").repeat(5),
                "번호 제목 글쓴이 날짜\n" + "[".repeat(90_000) + "] 손님 1.1\n" + "1 " + "[1]".repeat(30_000) + "\n",
                "번호" + spaces + "제목" + spaces + "x", "“" + spaces + "”" + tooManyRows,
                ("\n \n").repeat(300_000) + tooManyRows);
        for (String text : texts) {
            probes.add(new Probe("slow-input", write(ingest + "/api/v1/pages?board=slow", "text/plain",
                    text.getBytes(StandardCharsets.UTF_8), NewsflowSystem.API_KEY)));
        }
        String tooManyRowsHtml = "<div id=\"bo_list\"><table><thead><tr><th>번호</th><th>제목</th><th>글쓴이</th>"
                + "<th>날짜</th></tr></thead><tbody>"
                + IntStream.rangeClosed(1, 1001)
                    .mapToObj(n -> "<tr><td>" + n + "</td><td><a href=\"/b/" + n
                            + "\">글</a></td><td>손님</td><td>14:00</td></tr>")
                    .collect(Collectors.joining())
                + "</tbody></table></div>";
        List<String> pages = List.of("<div>".repeat(200_000) + "번호",
                "<table><tr><th>번호</th><th>제목</th></tr>" + "<tr><td>".repeat(100_000),
                "<div id=\"bo_v\"><div id=\"bo_v_con\">" + "<p>".repeat(100_000) + "본문.</div></div>" + tooManyRowsHtml,
                "<div class=\"gallview_head\">" + "<span class=\"gall_date\" title=\"" + spaces + "\">".repeat(10)
                        + "</div>" + "<a>".repeat(100_000));
        for (String page : pages) {
            probes.add(new Probe("slow-input", write(ingest + "/api/v1/pages?board=slow", "text/html",
                    page.getBytes(StandardCharsets.UTF_8), NewsflowSystem.API_KEY)));
        }
        probes.add(new Probe("slow-input",
                write(ingest + "/api/v1/articles", "application/json",
                        ("{\"title\": \"빈 줄만 가득한 본문\", \"publishedAt\": \"2024.02.30\", \"body\": \""
                                + "\\n \\n".repeat(200_000) + "x\"}")
                            .getBytes(StandardCharsets.UTF_8),
                        NewsflowSystem.API_KEY)));
        probes.add(new Probe("slow-input",
                write(ingest + "/api/v1/articles", "application/json",
                        ("{\"title\": \"t\", \"body\": \"b\", \"language\": \"ko" + "-abcdefgh".repeat(50_000) + "\"}")
                            .getBytes(StandardCharsets.UTF_8),
                        NewsflowSystem.API_KEY)));
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
        bodies.add("{\"title\": \"\\u2028\", \"body\": \"b\", \"board\": \"b\", \"number\": 1}"
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(NO_HANG)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return request.build();
    }

    private static HttpRequest delete(String url) {
        return HttpRequest.newBuilder(URI.create(url))
            .timeout(NO_HANG)
            .header("X-API-Key", "not-a-key")
            .DELETE()
            .build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(NO_HANG).GET().build();
    }

}
