package io.newsflow.opsconsole;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatusJsonTests {

    @Test
    void quantileInterpolatesInsideTheBucketLikePrometheus() {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        buckets.put(0.05, 50.0);
        buckets.put(0.1, 90.0);
        buckets.put(0.25, 100.0);
        buckets.put(Double.POSITIVE_INFINITY, 100.0);

        assertThat(StatusJson.quantile(buckets, 0.5)).isCloseTo(0.05, within(1e-9));
        assertThat(StatusJson.quantile(buckets, 0.7)).isCloseTo(0.075, within(1e-9));
        assertThat(StatusJson.quantile(buckets, 0.99)).isCloseTo(0.235, within(1e-9));
        assertThat(StatusJson.quantile(new TreeMap<>(), 0.5)).isNaN();
    }

    @Test
    void ratesAreTheIncreaseBetweenTwoSnapshotsPerSecond() {
        Snapshot before = snapshot(0,
                "newsflow_ingest_items_total{kind=\"post\",outcome=\"accepted\",reason=\"none\"} 10.0");
        Snapshot now = snapshot(2_000_000_000L,
                "newsflow_ingest_items_total{kind=\"post\",outcome=\"accepted\",reason=\"none\"} 30.0\n"
                        + "newsflow_ingest_items_total{kind=\"post\",outcome=\"rejected\",reason=\"invalid\"} 1.0");

        String json = StatusJson.of(now, before);

        assertThat(json).contains("\"accepted\":{\"total\":30.0,\"perSecond\":10.0}")
            .contains("\"rejected\":{\"total\":1.0,\"perSecond\":0.5}");
    }

    @Test
    void parsesLabelsWithEscapesAndSkipsComments() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP x something
                http_server_requests_seconds_count{uri="/api/v1/articles/{id}",status="404"} 3.0
                jvm_info{runtime="OpenJDK \\"17\\""} 1.0
                """);

        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).label("uri")).isEqualTo("/api/v1/articles/{id}");
        assertThat(samples.get(0).value()).isEqualTo(3.0);
    }

    private static Snapshot snapshot(long nanos, String exposition) {
        return new Snapshot(nanos, java.util.Map.of("ingest-service",
                new Snapshot.Service("ingest-service", "UP", java.util.Map.of(), PrometheusText.parse(exposition))));
    }

}
