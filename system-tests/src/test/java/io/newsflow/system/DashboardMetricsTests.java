package io.newsflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric a Grafana dashboard queries exists in what the services serve to Prometheus, so a
 * renamed metric breaks this test instead of silently emptying a panel.
 */
class DashboardMetricsTests {

    private static final Path DASHBOARDS = Path.of("..", "ops", "grafana", "dashboards");

    /** PromQL words that are not metric names. */
    private static final Set<String> PROMQL = Set.of("sum", "by", "without", "rate", "irate", "increase",
            "histogram_quantile", "avg", "max", "min", "count", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "and", "or", "unless", "topk", "bottomk", "label_values", "clamp_min", "clamp_max",
            "abs", "time", "vector", "scalar", "absent", "delta", "deriv", "avg_over_time", "max_over_time");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyMetricTheDashboardsQueryIsServedByTheServices() throws IOException {
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        traffic(system);
        Set<String> queried = queriedMetrics();
        assertThat(queried).contains("newsflow_freshness_seconds_bucket", "newsflow_consumer_lag_records",
                "newsflow_ingest_items_total");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Set<String> served = servedMetrics(system.prometheus());
            assertThat(queried).allSatisfy(metric -> assertThat(served).as("served metrics").contains(metric));
        });
    }

    private static void traffic(NewsflowSystem system) {
        system.postJson("/api/v1/articles", """
                {"url": "https://news.example.kr/metrics/1", "title": "지표 확인 기사", "body": "본문."}""");
        system.postJson("/api/v1/posts", """
                {"board": "metrics", "number": 1, "title": "지표 확인 글"}""");
        system.postJson("/api/v1/posts", "{\"board\": \"metrics\"}");
        system.post("/api/v1/pages?board=metrics", "text/plain; charset=UTF-8",
                "번호 제목 글쓴이 날짜\n2 목록의 글 손님 14:00".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> system.getBoards("/api/v1/boards/metrics/posts/2").statusCode() == 200);
    }

    private Set<String> queriedMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (String expr : expressions(this.json.readTree(file.toFile()))) {
                    metrics.addAll(metricNames(expr));
                }
            }
        }
        return metrics;
    }

    private static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets")
                .forEach(target -> expressions.add(target.get("expr").asString())));
        dashboard.path("templating").path("list").forEach(variable -> expressions.add(variable.path("definition")
                .asString("")));
        return expressions;
    }

    /** Metric names of a PromQL expression: identifiers outside label matchers, ranges and strings. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("(by|without|on|ignoring)\\s*\\([^)]*\\)", "").replaceAll("\\$\\w+", "")
                .replaceAll("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group();
            if (!PROMQL.contains(word) && !word.matches("\\d.*")) {
                names.add(word);
            }
        }
        return names;
    }

    private static Set<String> servedMetrics(String exposition) {
        Set<String> served = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                served.add(line.split("[{ ]", 2)[0]);
            }
        }
        return served;
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, topic) (rate(newsflow_freshness_seconds_bucket"
                + "{topic=\"a\"}[$__rate_interval])))")).containsExactly("newsflow_freshness_seconds_bucket");
        assertThat(metricNames("sum(rate(a_total[5m])) / sum(rate(b_count[5m]))")).containsExactly("a_total",
                "b_count");
        assertThat(metricNames("label_values(jvm_info, application)")).containsExactly("jvm_info");
    }
}
