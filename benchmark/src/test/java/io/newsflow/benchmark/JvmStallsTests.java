package io.newsflow.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JvmStallsTests {

    @TempDir
    Path logs;

    @Test
    void everySafepointAndAllocationStallCountsAndTheRestOfTheLogDoesNot() {
        assertThat(JvmStalls.stallMillis("[0.163s][info][safepoint] Safepoint \"ZMarkStart\", Time since last: "
                + "108052014 ns, Reaching safepoint: 129446 ns, Cleanup: 47361 ns, At safepoint: 38133 ns, "
                + "Total: 61214940 ns"))
            .isCloseTo(61.21494, within(1e-9));
        assertThat(JvmStalls.stallMillis("[12.5s][info][gc] Allocation Stall (http-nio-8081-exec-3) 73.215ms"))
            .isCloseTo(73.215, within(1e-9));
        assertThat(JvmStalls
            .stallMillis("[1.2s][info][gc] GC(3) Pause Young (Allocation Failure) 40M->8M(64M) " + "4.123ms"))
            .isNegative();
        assertThat(JvmStalls.stallMillis("Safepoint \"" + "x".repeat(100_000))).isNegative();
    }

    @Test
    void aProcessIsReadAcrossItsRotatedLogs() throws Exception {
        Files.write(this.logs.resolve("article-service-gc.log"),
                List.of(safepoint(12_000_000), safepoint(51_000_000), "[0.1s][info][gc] Using Serial"));
        Files.write(this.logs.resolve("article-service-gc.log.0"), List.of(safepoint(90_000_000)));
        Files.write(this.logs.resolve("kafka-gc.log"), List.of(safepoint(2_000_000)));
        Files.write(this.logs.resolve("article-service.log"), List.of(safepoint(900_000_000)));

        Map<String, JvmStalls.Stalls> stalls = JvmStalls.read(this.logs, 50);

        assertThat(stalls).containsOnlyKeys("article-service", "kafka");
        assertThat(stalls.get("article-service")).isEqualTo(new JvmStalls.Stalls(90, 2, 3));
        assertThat(stalls.get("kafka")).isEqualTo(new JvmStalls.Stalls(2, 0, 1));
    }

    private static String safepoint(long nanos) {
        return "[1.0s][info][safepoint] Safepoint \"Cleanup\", Time since last: 1000 ns, Reaching safepoint: 10 ns, "
                + "Cleanup: 1 ns, At safepoint: 5 ns, Total: " + nanos + " ns";
    }

}
