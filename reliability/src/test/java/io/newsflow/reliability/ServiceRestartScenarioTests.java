package io.newsflow.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One part of the local stack dies (as a service does on {@code OutOfMemoryError}, with
 * {@code -XX:+ExitOnOutOfMemoryError}): the launcher says so with its exit code, starts
 * it again, and the rest of the stack never stops; the restarted service accepts writes.
 */
class ServiceRestartScenarioTests {

    private static final String API_KEY = "service-restart-key";

    @Test
    void aServiceThatExitsIsReportedAndStartedAgainWhileTheRestRuns() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "reliability", "service-restart-" + System.nanoTime()));
        CrashEverythingScenarioTests.LocalStackProcess stack = new CrashEverythingScenarioTests.LocalStackProcess(data,
                API_KEY);
        try {
            stack.start();
            List<ProcessHandle> ingest = stack.children("ingest-service");
            assertThat(ingest).hasSize(1);
            List<ProcessHandle> others = stack.children("-service");
            ingest.get(0).destroyForcibly();
            await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(stack.log()).contains("UP again"));
            String log = Files.readString(stack.log());
            assertThat(log).contains("EXITED with code 137").contains("restarting (1 of 3)");
            assertThat(others.stream().filter(other -> !other.equals(ingest.get(0)))).allMatch(ProcessHandle::isAlive);
            HttpResponse<String> accepted = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/api/v1/posts"))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers
                        .ofString("{\"board\":\"restart\",\"number\":1,\"title\":\"다시 일어난 서비스\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
        }
        finally {
            stack.stop();
        }
    }

}
