package io.newsflow.ingest.publish;

import java.time.Duration;

/**
 * The broker did not acknowledge in time: nothing was reported accepted, the client
 * should retry.
 */
public class PublishFailedException extends RuntimeException {

    private final Duration retryAfter;

    public PublishFailedException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }

}
