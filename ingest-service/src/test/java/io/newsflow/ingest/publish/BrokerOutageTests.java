package io.newsflow.ingest.publish;

import java.nio.file.Path;
import java.time.Duration;

import io.newsflow.ingest.IngestApplication;
import io.newsflow.testsupport.RestartableKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A broker of this test's own goes away and comes back: requests during the outage get
 * 503 with Retry-After, never a 202; once the broker is back, requests are accepted
 * again.
 */
@SpringBootTest(
        properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME, "newsflow.security.api-keys=outage-key",
                "newsflow.publish.timeout=2s", "spring.kafka.producer.properties.max.block.ms=2000",
                "spring.kafka.producer.properties.request.timeout.ms=1500",
                "spring.kafka.producer.properties.delivery.timeout.ms=2000", "logging.level.org.apache.kafka=ERROR" })
@AutoConfigureMockMvc
class BrokerOutageTests {

    private static RestartableKafka kafka;

    @Autowired
    private MockMvc mvc;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = RestartableKafka.start(Path.of("target", "broker-outage-" + System.nanoTime()));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    @Test
    void requestsDuringAnOutageAre503AndAreAcceptedAgainOnceTheBrokerIsBack() throws Exception {
        this.mvc.perform(post(1)).andExpect(status().isAccepted());

        kafka.stop();
        this.mvc.perform(post(2))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Retry-After", "5"));
        this.mvc.perform(post(3)).andExpect(status().isServiceUnavailable());

        kafka.startAgain();
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> this.mvc.perform(post(4)).andExpect(status().isAccepted()));
    }

    private static MockHttpServletRequestBuilder post(int number) {
        return MockMvcRequestBuilders.post("/api/v1/posts")
            .header("X-API-Key", "outage-key")
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"board\": \"outage\", \"number\": " + number + ", \"title\": \"장애 중 보낸 글 " + number + "\"}");
    }

}
