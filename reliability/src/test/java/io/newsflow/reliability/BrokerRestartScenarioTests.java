package io.newsflow.reliability;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.newsflow.testsupport.Figures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 2: the broker stops and starts again while a client keeps writing. Every 202
 * is stored; during the outage the client gets 503 with Retry-After, never a false 202
 * and never a wait past the publish bound (5 s, plus a margin for the HTTP round trip).
 */
class BrokerRestartScenarioTests {

    private static final Duration BOUND = Duration.ofSeconds(5).plusSeconds(2);

    @Test
    void everyAcceptedPostIsStoredAndTheOutageIsAnswered503InTime() throws Exception {
        try (ProcessCluster cluster = ProcessCluster.start("broker-restart")) {
            List<Long> accepted = new ArrayList<>();
            int unavailable = 0;
            int withoutRetryAfter = 0;
            long slowestMs = 0;
            long number = 0;
            long started = System.nanoTime();
            boolean stopped = false;
            boolean restarted = false;
            while (System.nanoTime() - started < Duration.ofSeconds(40).toNanos()) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                if (!stopped && elapsed > 8) {
                    cluster.kafka().stop();
                    stopped = true;
                }
                if (stopped && !restarted && elapsed > 20) {
                    cluster.kafka().startAgain();
                    restarted = true;
                }
                number++;
                long sent = System.nanoTime();
                int[] answer;
                try {
                    answer = cluster.post("/api/v1/posts", "{\"board\": \"restart\", \"number\": " + number
                            + ", \"title\": \"재시작 중 글 " + number + "\"}", BOUND.plusSeconds(10));
                }
                catch (HttpTimeoutException ex) {
                    answer = new int[] { -1, -1 };
                }
                catch (IOException ex) {
                    answer = new int[] { -2, -1 };
                }
                slowestMs = Math.max(slowestMs, (System.nanoTime() - sent) / 1_000_000);
                if (answer[0] == 202) {
                    accepted.add(number);
                }
                else if (answer[0] == 503) {
                    unavailable++;
                    withoutRetryAfter += answer[1] > 0 ? 0 : 1;
                }
                else {
                    throw new AssertionError("unexpected answer " + answer[0] + " to post " + number);
                }
            }
            try (MongoClient mongo = cluster.mongoClient()) {
                var posts = mongo.getDatabase("boards").getCollection("posts");
                await().atMost(Duration.ofMinutes(2))
                    .until(() -> posts.countDocuments(Filters.eq("board", "restart")) >= accepted.size());
                long stored = posts.countDocuments(Filters.eq("board", "restart"));
                long acceptedStored = accepted.stream()
                    .filter(n -> posts.countDocuments(Filters.eq("_id", "restart:" + n)) == 1)
                    .count();
                Figures.print(String.format(
                        "broker-restart: requests=%d accepted=%d storedOfAccepted=%d unavailable503=%d "
                                + "without-retry-after=%d slowestMs=%d storedTotal=%d",
                        number, accepted.size(), acceptedStored, unavailable, withoutRetryAfter, slowestMs, stored));
                assertThat(acceptedStored).isEqualTo(accepted.size());
                assertThat(unavailable).isPositive();
                assertThat(withoutRetryAfter).isZero();
                assertThat(Duration.ofMillis(slowestMs)).isLessThanOrEqualTo(BOUND);
            }
        }
    }

}
