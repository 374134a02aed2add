package io.newsflow.projection;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of the read APIs' query parameters, with a 400 naming the parameter when it fails. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant, or {@code null} when absent. */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw new InvalidParameterException(parameter, "must be an ISO-8601 instant such as 2024-07-24T00:00:00Z");
        }
    }

    /** The trimmed value, or {@code null} when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
