package io.newsflow.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.newsflow.processes.ChildProcess;
import io.newsflow.processes.Ports;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's package; {@code .ci/run} installs it) scrapes the three
 * services under a little load and evaluates newsflow's rules; every query of every
 * dashboard panel (for every service the service dashboard offers) and every quantity the
 * alerts watch (their recording rules) is then asked through Prometheus's HTTP API, and
 * each must return data: no panel is empty and no alert is blind on a healthy stack. A
 * renamed metric, a wrong label or a query Prometheus refuses fails here.
 */
class DashboardQueriesTests {

    private static final Path OPS = Path.of("..", "ops");

    private static final List<String> SERVICES = List.of("ingest-service", "article-service", "board-service");

    private final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyDashboardQueryAndEveryAlertQuantityReturnsDataFromARealPrometheus() throws Exception {
        Path prometheus = Tools.required("prometheus");
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        Path directory = Files.createDirectories(Path.of("target", "prometheus-" + System.nanoTime()));
        int port = Ports.free();
        Files.writeString(directory.resolve("prometheus.yml"), config(system));
        ChildProcess server = ChildProcess.command("prometheus", prometheus)
            .arguments("--config.file=" + directory.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
            .log(directory.resolve("prometheus.log"))
            .start();
        try {
            String base = "http://127.0.0.1:" + port;
            // refused connections until Prometheus listens: keep asking
            await().atMost(Duration.ofSeconds(60))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> get(base + "/-/ready").statusCode() == 200);
            Map<String, String> queries = queries();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                traffic(system);
                List<String> empty = new ArrayList<>();
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    JsonNode answer = this.json.readTree(get(
                            base + "/api/v1/query?query=" + URLEncoder.encode(query.getValue(), StandardCharsets.UTF_8))
                        .body());
                    assertThat(answer.get("status").asString()).as(query.getKey() + ": " + answer).isEqualTo("success");
                    if (answer.get("data").get("result").isEmpty()) {
                        empty.add(query.getKey());
                    }
                }
                assertThat(empty).as("queries without data; scrape targets: %s", targets(base)).isEmpty();
            });
            assertThat(queries).hasSizeGreaterThan(40);
        }
        finally {
            server.stop();
        }
    }

    /**
     * Every panel query (a service dashboard's once per service) and every recording
     * rule, by name.
     */
    private Map<String, String> queries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(OPS.resolve("grafana").resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = this.json.readTree(file.toFile());
                for (JsonNode panel : dashboard.get("panels")) {
                    for (JsonNode target : panel.get("targets")) {
                        String expr = target.get("expr").asString().replace("$__rate_interval", "1m");
                        String name = file.getFileName() + " / " + panel.get("title").asString() + " / "
                                + target.get("refId").asString();
                        if (expr.contains("$application")) {
                            SERVICES.forEach(service -> queries.put(name + " / " + service,
                                    expr.replace("$application", service)));
                        }
                        else {
                            queries.put(name, expr);
                        }
                    }
                }
            }
        }
        for (String line : Files.readAllLines(OPS.resolve("prometheus").resolve("alerts.yml"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("- record: ")) {
                String record = trimmed.substring("- record: ".length());
                queries.put("alerts.yml / " + record, record);
            }
        }
        return queries;
    }

    /** Scrapes every second and evaluates the rules every second. */
    private static String config(NewsflowSystem system) {
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: newsflow
                    metrics_path: /actuator/prometheus
                    static_configs:
                """.formatted(OPS.resolve("prometheus").resolve("alerts.yml").toAbsolutePath().normalize()));
        system.managementUrls()
            .forEach((service, url) -> config.append("      - targets: [\"")
                .append(URI.create(url).getAuthority())
                .append("\"]\n        labels:\n          service: ")
                .append(service)
                .append('\n'));
        return config.toString();
    }

    /**
     * What the panels show: accepted and rejected items, a page, reads of both APIs,
     * consumed events.
     */
    private static void traffic(NewsflowSystem system) {
        long n = System.nanoTime() % 1_000_000;
        system.postJson("/api/v1/articles",
                "{\"url\": \"https://news.example.kr/metrics/" + n + "\", \"title\": \"지표 확인 기사\", \"body\": \"본문.\"}");
        system.postJson("/api/v1/posts",
                "{\"board\": \"metrics\", \"number\": " + (n + 1) + ", \"title\": \"지표 확인 글\"}");
        system.postJson("/api/v1/posts", "{\"board\": \"metrics\"}");
        system.post("/api/v1/pages?board=metrics", "text/plain; charset=UTF-8",
                ("번호 제목 글쓴이 날짜\n" + (n + 2) + " 목록의 글 손님 14:00").getBytes(StandardCharsets.UTF_8));
        system.getArticles("/api/v1/articles?q=지표");
        system.getBoards("/api/v1/boards/metrics/posts");
    }

    /** Each scrape target's health and last error, for a failure's message. */
    private List<String> targets(String base) throws IOException, InterruptedException {
        List<String> targets = new ArrayList<>();
        for (JsonNode target : this.json.readTree(get(base + "/api/v1/targets").body())
            .get("data")
            .get("activeTargets")) {
            targets.add(target.get("scrapeUrl").asString() + " " + target.get("health").asString() + " "
                    + target.get("lastError").asString());
        }
        return targets;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
