package io.newsflow.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import brave.handler.MutableSpan;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace started by a client's request to ingest continues in the consumer that applies
 * the event.
 */
class TracingAcrossKafkaTests {

    @Test
    void consumerSpanThatAppliesTheEventCarriesTheTraceOfTheIngestRequest() {
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        HttpResponse<String> accepted = system.post("/api/v1/posts", "application/json", """
                {"board": "trace-test", "number": 1, "title": "추적되는 글", "postedAt": "2024.07.24"}
                """.getBytes(StandardCharsets.UTF_8), "traceparent", traceparent);

        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(NewsflowSystem.SPANS.ofTrace(traceId)).extracting(MutableSpan::name)
                .anyMatch(name -> name.contains("apply")));
        assertThat(NewsflowSystem.SPANS.ofTrace(traceId)).extracting(MutableSpan::localServiceName)
            .contains("ingest-service", "board-service");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }

}
