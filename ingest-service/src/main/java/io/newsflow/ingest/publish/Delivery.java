package io.newsflow.ingest.publish;

import java.util.List;

import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * What became of one event: acknowledged, refused as too large (never worth a retry), or
 * not acknowledged in time (retry later).
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

    /**
     * What became of an item whose events had these deliveries: acknowledged only when
     * all were.
     */
    static Delivery of(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            if (delivery.tooLarge()) {
                return delivery;
            }
        }
        for (Delivery delivery : deliveries) {
            if (!delivery.acknowledged()) {
                return delivery;
            }
        }
        return ACKNOWLEDGED;
    }

    public boolean acknowledged() {
        return this.outcome == Outcome.ACKNOWLEDGED;
    }

    public boolean tooLarge() {
        return this.outcome == Outcome.TOO_LARGE;
    }
}
