package io.newsflow.projection;

import java.time.Instant;

/**
 * A record that can never be applied, however often it is retried: it goes to the
 * dead-letter topic at once and the rest of its partition moves on.
 */
public class PoisonEventException extends RuntimeException {

    /** The instants a MongoDB date holds for sure, and the ISO-8601 four-digit years. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public PoisonEventException(String message) {
        super(message);
    }

    /** Checks that a time of the event can be stored as a date; {@code null} passes. */
    public static void requireStorable(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new PoisonEventException(field + " " + value + " is outside the years 0001 to 9999");
        }
    }

}
