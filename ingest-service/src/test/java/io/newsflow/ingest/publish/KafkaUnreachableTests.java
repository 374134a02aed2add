package io.newsflow.ingest.publish;

import io.newsflow.ingest.IngestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without a broker nothing is reported accepted: the client gets 503 with Retry-After within the bound. */
@SpringBootTest(properties = {
        "spring.config.name=" + IngestApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        "newsflow.security.api-keys=outage-key",
        "spring.kafka.admin.fail-fast=false",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.close-timeout=1s",
        "spring.kafka.admin.properties.request.timeout.ms=1000",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000",
        "logging.level.org.apache.kafka=ERROR",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "newsflow.publish.timeout=1s",
        "newsflow.publish.retry-after=7s" })
@AutoConfigureMockMvc
class KafkaUnreachableTests {

    @Autowired
    private MockMvc mvc;

    @Test
    void answers503WithRetryAfterInsteadOfAcceptingWhatKafkaDidNotAcknowledge() throws Exception {
        this.mvc.perform(post("/api/v1/posts").header("X-API-Key", "outage-key").contentType(MediaType.APPLICATION_JSON).content("""
                {"board": "outage", "number": 3, "title": "브로커가 없을 때 보낸 글"}
                """)).andExpect(status().isServiceUnavailable()).andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.title").value("Event store unavailable"));
    }
}
