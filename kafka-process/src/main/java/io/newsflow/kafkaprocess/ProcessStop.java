package io.newsflow.kafkaprocess;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops a JVM this project started: SIGTERM, so it can shut down cleanly, and SIGKILL
 * only when it does not.
 */
public final class ProcessStop {

    private ProcessStop() {
    }

    /**
     * SIGTERM, then SIGKILL when the process has not exited within {@code grace}; waits
     * until it is gone.
     */
    public static void gracefully(Process process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

}
