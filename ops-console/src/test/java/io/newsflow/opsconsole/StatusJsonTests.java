package io.newsflow.opsconsole;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusJsonTests {

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
        return new Snapshot(nanos, Map.of("ingest-service",
                new Snapshot.Service("ingest-service", "UP", Map.of(), PrometheusText.parse(exposition))));
    }

}
