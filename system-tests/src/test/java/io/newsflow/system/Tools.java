package io.newsflow.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Programs from Debian's packages that some tests drive (Prometheus, promtool, Chromium).
 * Where one is missing the test is skipped, except on CI ({@code CI=true}), which
 * installs them all: there a missing tool fails the test instead of letting it pass
 * unseen.
 */
final class Tools {

    private Tools() {
    }

    static Path required(String program) {
        Path found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .map(dir -> Path.of(dir, program))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
        if (found == null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(program + " is not installed; .ci/run installs it");
        }
        Assumptions.assumeTrue(found != null, program + " is not installed (apt-get install prometheus)");
        return found;
    }

}
