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
        String traceId = postAndAwaitItsApplySpan(1, "추적되는 글", "2024.07.24");

        assertThat(NewsflowSystem.SPANS.ofTrace(traceId)).extracting(MutableSpan::localServiceName)
            .contains("ingest-service", "board-service");
    }

    @Test
    void aTraceHoldsTheRequestAndItsEventButNoSpanPerSecurityFilter() {
        String traceId = postAndAwaitItsApplySpan(2, "보안 단계 없는 추적", "2024.07.25");

        assertThat(NewsflowSystem.SPANS.ofTrace(traceId)).extracting(MutableSpan::name)
            .anyMatch(name -> name != null && name.startsWith("http post"))
            .noneMatch(name -> name != null
                    && (name.contains("security") || name.contains("authoriz") || name.contains("authenticat")));
    }

    /**
     * Posts a listing row with a client's {@code traceparent} and waits until the
     * consumer's span that applies it is recorded; returns the trace id.
     */
    private static String postAndAwaitItsApplySpan(int number, String title, String postedAt) {
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String body = """
                {"board": "trace-test", "number": %d, "title": "%s", "postedAt": "%s"}
                """.formatted(number, title, postedAt);

        HttpResponse<String> accepted = system.post("/api/v1/posts", "application/json",
                body.getBytes(StandardCharsets.UTF_8), "traceparent", traceparent);

        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(NewsflowSystem.SPANS.ofTrace(traceId)).extracting(MutableSpan::name)
                .anyMatch(name -> name != null && name.contains("apply")));
        return traceId;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }

}
