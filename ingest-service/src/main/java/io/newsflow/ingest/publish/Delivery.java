package io.newsflow.ingest.publish;

import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * What became of one event: acknowledged, refused as too large (never worth a retry), or not
 * acknowledged in time (retry later).
 */
public record Delivery(Outcome outcome, Throwable failure) {

    public enum Outcome {
        ACKNOWLEDGED, TOO_LARGE, UNACKNOWLEDGED
    }

    static final Delivery ACKNOWLEDGED = new Delivery(Outcome.ACKNOWLEDGED, null);

    static Delivery failed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return new Delivery(Outcome.TOO_LARGE, cause);
            }
        }
        return new Delivery(Outcome.UNACKNOWLEDGED, failure);
    }

    public boolean acknowledged() {
        return this.outcome == Outcome.ACKNOWLEDGED;
    }

    public boolean tooLarge() {
        return this.outcome == Outcome.TOO_LARGE;
    }
}
