package io.newsflow.system;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules pass {@code promtool}'s checks and its unit tests
 * (ops/prometheus/alerts.test.yml: each alert fires on the history it watches for and
 * stays silent on a healthy one), and the production Prometheus configuration that loads
 * them is valid.
 */
class AlertRulesTests {

    private static final Path PROMETHEUS = Path.of("..", "ops", "prometheus");

    @Test
    void rulesAndConfigurationAreValid() throws Exception {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresOnWhatItWatchesForAndOnlyThen() throws Exception {
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... arguments) throws Exception {
        Path promtool = Tools.required("promtool");
        String[] command = new String[arguments.length + 1];
        command[0] = promtool.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

}
