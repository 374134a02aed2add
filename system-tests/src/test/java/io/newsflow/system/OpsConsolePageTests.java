package io.newsflow.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.newsflow.opsconsole.OpsConsole;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The local stack's ops page in a real headless Chromium against the running services: it
 * renders health, rates and freshness from live numbers, and leaves a screenshot in
 * {@code target/ops-console.png}. Skipped where Debian's {@code chromium} is not
 * installed.
 */
class OpsConsolePageTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void pageShowsThePipelineLive() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM)).as("chromium at " + CHROMIUM).isTrue();
        NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());
        try (OpsConsole console = OpsConsole.start(0, system.managementUrls())) {
            String url = "http://127.0.0.1:" + console.port() + "/";
            for (int i = 0; i < 20; i++) {
                system.postJson("/api/v1/posts",
                        "{\"board\": \"ops-page\", \"number\": " + (i + 1) + ", \"title\": \"운영 화면 글 " + i + "\"}");
            }
            await().atMost(Duration.ofSeconds(30))
                .until(() -> system.getBoards("/api/v1/boards/ops-page/posts/20").statusCode() == 200);

            String dom = chromium("--dump-dom", url);
            Path screenshot = Path.of("target", "ops-console.png").toAbsolutePath();
            chromium("--screenshot=" + screenshot, "--window-size=1280,1000", url);

            assertThat(dom).contains("newsflow — pipeline")
                .contains("article-service")
                .contains("board-service")
                .contains("ms freshness p99")
                .contains("<span id=\"updated\">updated ");
            assertThat(dom).containsPattern("class=\"part UP\"><b>Kafka</b>");
            assertThat(screenshot).exists();
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        }
    }

    private static String chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--virtual-time-budget=6000"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish");
        }
        return new String(output, StandardCharsets.UTF_8);
    }

}
