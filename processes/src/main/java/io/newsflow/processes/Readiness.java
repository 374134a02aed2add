package io.newsflow.processes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a started process to become ready. */
public final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /**
     * Whether a Spring Boot health endpoint answers 200 with status {@code UP} within two
     * seconds.
     */
    public static boolean isUp(String healthUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls {@code ready} until it holds.
     * @param process checked on every poll, so a process that died fails at once; null
     * when there is none to watch
     * @throws IllegalStateException when the process exits or the timeout passes first
     */
    public static void await(String name, Duration timeout, ChildProcess process, BooleanSupplier ready)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + process.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not become ready within " + timeout.toSeconds() + " s"
                        + (process == null ? "" : "; see " + process.log()));
            }
            Thread.sleep(250);
        }
    }

}
