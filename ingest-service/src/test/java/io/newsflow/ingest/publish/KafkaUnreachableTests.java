package io.newsflow.ingest.publish;

import java.time.Duration;
import java.util.List;

import io.newsflow.ingest.IngestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without a broker nothing is reported accepted: the client gets 503 with Retry-After
 * within the publish timeout counted from the request's arrival, even though the producer
 * would block far longer.
 */
@SpringBootTest(properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=127.0.0.1:1", "newsflow.security.api-keys=outage-key",
        "spring.kafka.admin.fail-fast=false", "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.close-timeout=1s", "spring.kafka.admin.properties.request.timeout.ms=1000",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000", "logging.level.org.apache.kafka=ERROR",
        // a producer left to itself would block each send for 10 s waiting for the
        // broker's metadata
        "spring.kafka.producer.properties.max.block.ms=10000", "newsflow.publish.timeout=1s",
        "newsflow.publish.retry-after=7s" })
@AutoConfigureMockMvc
class KafkaUnreachableTests {

    @Autowired
    private MockMvc mvc;

    /** The publish timeout, and what a loaded two-core machine may add to it. */
    private static final Duration BOUND = Duration.ofSeconds(1).plus(Duration.ofMillis(1500));

    @Test
    void answers503WithRetryAfterWithinTheBoundInsteadOfAcceptingWhatKafkaDidNotAcknowledge() throws Exception {
        for (String request : List.of("""
                {"board": "outage", "number": 3, "title": "브로커가 없을 때 보낸 글"}""", """
                [{"board": "outage", "number": 4, "title": "하나"}, {"board": "outage", "number": 5, "title": "둘"},
                 {"board": "outage", "number": 6, "title": "셋"}]""")) {
            long started = System.nanoTime();
            this.mvc
                .perform(post(request.startsWith("[") ? "/api/v1/posts/batch" : "/api/v1/posts")
                    .header("X-API-Key", "outage-key")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(request))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.title").value("Event store unavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
        }
    }

}
