package io.newsflow.projection.read;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import io.newsflow.contracts.TextForm;
import io.newsflow.service.web.InvalidFieldException;

/**
 * Parsing of the read APIs' query parameters, with a 400 naming the parameter when it
 * fails. Every value is bounded before anything else looks at it.
 */
public final class QueryParameters {

    /** The longest free-text parameter (a search, an outlet, an author). */
    public static final int LONGEST_TEXT = 200;

    /**
     * Instants a query may name: the four-digit years of ISO-8601, which every store can
     * compare.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final int LONGEST_INSTANT = 40;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private QueryParameters() {
    }

    /**
     * An ISO-8601 instant, or a date (the start of that day in Seoul, where the boards
     * and outlets are), between the years 0001 and 9999; {@code null} when absent.
     */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            String text = value.strip();
            instant = text.length() > LONGEST_INSTANT ? null : DATE.matcher(text).matches()
                    ? LocalDate.parse(text).atStartOfDay(SEOUL).toInstant() : Instant.parse(text);
        }
        catch (DateTimeParseException ex) {
            instant = null;
        }
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidFieldException(parameter, "must be an ISO-8601 instant or date between the years 0001 "
                    + "and 9999, such as 2024-07-24T00:00:00Z or 2024-07-24");
        }
        return instant;
    }

    /**
     * {@code from} and {@code to} of a listing; {@code from} must not be after
     * {@code to}.
     */
    public static TimeRange range(String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidFieldException("from", "must not be after to");
        }
        return new TimeRange(start, end);
    }

    /**
     * The value in the form ingest stores text in ({@link TextForm}), so that an NFD
     * query as macOS sends it finds what it names; {@code null} when absent or blank; at
     * most {@link #LONGEST_TEXT} characters.
     */
    public static String text(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > LONGEST_TEXT * 4) {
            throw new InvalidFieldException(parameter, "must be at most " + LONGEST_TEXT + " characters");
        }
        String text = TextForm.line(value);
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > LONGEST_TEXT) {
            throw new InvalidFieldException(parameter, "must be at most " + LONGEST_TEXT + " characters");
        }
        return text;
    }

    /**
     * A time window of a listing; either end may be open ({@code null}).
     *
     * @param from earliest instant, inclusive
     * @param to latest instant, inclusive
     */
    public record TimeRange(Instant from, Instant to) {
    }

}
