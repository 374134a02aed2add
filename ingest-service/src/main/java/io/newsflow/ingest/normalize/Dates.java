package io.newsflow.ingest.normalize;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.service.web.InvalidFieldException;

/**
 * Dates as Korean sites write them, read as instants. Values without a zone are
 * Asia/Seoul time; a time alone ({@code 14:32}) is a time of the reference day, the crawl
 * date in Seoul (or of the day before, when it is still to come on the crawl date).
 */
public final class Dates {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final Pattern LOCAL_DATE_TIME = Pattern
        .compile("(\\d{4})[.\\-/](\\d{1,2})[.\\-/](\\d{1,2})\\.?(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    private static final Pattern TIME_ONLY = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    /**
     * {@code 24.07.24}, {@code 24-07-24 09:41}: a two-digit year of this century, perhaps
     * with a time.
     */
    private static final Pattern SHORT_YEAR = Pattern
        .compile("(\\d{2})[.\\-/](\\d{1,2})[.\\-/](\\d{1,2})\\.?(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    /**
     * {@code 2024년 07월 23일 21시 14분 08초}, {@code 2024년 7월 24일 (수) 오후 2시 5분}: the date in
     * Korean words, perhaps with its weekday and a time in hours (24 or 12 with 오전/오후),
     * minutes and seconds.
     */
    private static final Pattern KOREAN = Pattern
        .compile("(\\d{4})년 ?(\\d{1,2})월 ?(\\d{1,2})일(?: ?\\(?[월화수목금토일](?:요일)?\\)?)?"
                + "(?: ?(오전|오후)? ?(\\d{1,2})시(?: ?(\\d{1,2})분(?: ?(\\d{1,2})초)?)?)?");

    /** {@code 07.24}: a day of the reference year, as boards show this year's posts. */
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})[.\\-/](\\d{1,2})\\.?");

    private static final String EXPECTED = "must be an ISO-8601 date-time or a date such as 2024.07.24, "
            + "2024-07-24 14:32, 2024년 07월 24일 14시 32분 or 14:32, between the years 0001 and 9999";

    /**
     * Date-times with an offset as sites' templates write them besides ISO-8601's own: an
     * offset without its colon ({@code 2024-09-03T09:12:00+0900}, PHP's
     * {@code DATE_ISO8601}) and a space for the {@code T}
     * ({@code 2024-09-03 09:12:00+09:00}).
     */
    private static final List<DateTimeFormatter> OFFSET_FORMS = List.of(offsetForm('T', "+HHmm"),
            offsetForm(' ', "+HHmm"), offsetForm(' ', "+HH:MM"));

    /** How far a crawler's clock and a board's may disagree. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);

    /** How far ahead of the time it is sent a publish or post date may be. */
    private static final Duration FUTURE = Duration.ofDays(1);

    /** The four-digit years of ISO-8601: every store holds them as a date. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Dates() {
    }

    /**
     * Parses {@code value}; a time alone is taken on the Seoul date of {@code reference}.
     */
    public static Instant parse(String field, String value, Instant reference) {
        Instant instant = read(field, value.trim(), reference);
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidFieldException(field, EXPECTED);
        }
        if (instant.isAfter(reference.plus(FUTURE))) {
            // 9999-12-31 would pin an article to the top of every listing
            throw new InvalidFieldException(field, "must not be more than a day after the time it is sent");
        }
        return instant;
    }

    /**
     * Parses a time the source says it changed or was read ({@code modifiedAt},
     * {@code crawledAt}): it orders versions, so it may not lie ahead of {@code now} by
     * more than clocks disagree. {@code null} when absent.
     */
    public static Instant sourceTime(String field, String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = parse(field, value, now);
        if (instant.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException(field, "must not be later than now (a clock skew of up to "
                    + CLOCK_SKEW.toMinutes() + " minutes is allowed)");
        }
        return instant;
    }

    private static Instant read(String field, String text, Instant reference) {
        try {
            Matcher local = LOCAL_DATE_TIME.matcher(text);
            if (local.matches()) {
                LocalDate date = LocalDate.of(number(local, 1), number(local, 2), number(local, 3));
                return date.atTime(time(local, 4)).atZone(SEOUL).toInstant();
            }
            Matcher time = TIME_ONLY.matcher(text);
            if (time.matches()) {
                return timeOfDay(time(time, 1), reference);
            }
            Matcher shortYear = SHORT_YEAR.matcher(text);
            if (shortYear.matches()) {
                return LocalDate.of(2000 + number(shortYear, 1), number(shortYear, 2), number(shortYear, 3))
                    .atTime(time(shortYear, 4))
                    .atZone(SEOUL)
                    .toInstant();
            }
            Matcher korean = KOREAN.matcher(text);
            if (korean.matches()) {
                return korean(korean);
            }
            Matcher monthDay = MONTH_DAY.matcher(text);
            if (monthDay.matches()) {
                return monthDay(MonthDay.of(number(monthDay, 1), number(monthDay, 2)), reference);
            }
            return parseIso(text);
        }
        catch (DateTimeException ex) {
            throw new InvalidFieldException(field, EXPECTED);
        }
    }

    /**
     * A time alone, as boards show their newest posts: of the reference day in Seoul, or
     * of the day before when on the reference day it is still to come (beyond an hour of
     * clock skew), since a page cannot show a post from its future.
     */
    private static Instant timeOfDay(LocalTime time, Instant reference) {
        LocalDate day = LocalDate.ofInstant(reference, SEOUL);
        Instant sameDay = day.atTime(time).atZone(SEOUL).toInstant();
        return sameDay.isAfter(reference.plus(CLOCK_SKEW)) ? day.minusDays(1).atTime(time).atZone(SEOUL).toInstant()
                : sameDay;
    }

    /**
     * A day without its year, as boards show this year's posts: the latest such day that
     * is not after the reference day in Seoul (on 2 January, {@code 12-31} is the day
     * before), since a page cannot show a post from its future; {@code 02-29} is of the
     * latest leap year.
     */
    private static Instant monthDay(MonthDay day, Instant reference) {
        LocalDate today = LocalDate.ofInstant(reference.plus(CLOCK_SKEW), SEOUL);
        for (int year = today.getYear(); year >= today.getYear() - 8; year--) {
            if (day.isValidYear(year) && !day.atYear(year).isAfter(today)) {
                return startOfDay(day.atYear(year));
            }
        }
        throw new DateTimeException(day + " is no day of the years before " + today);
    }

    private static Instant korean(Matcher korean) {
        LocalDate date = LocalDate.of(number(korean, 1), number(korean, 2), number(korean, 3));
        if (korean.group(5) == null) {
            return startOfDay(date);
        }
        int hour = number(korean, 5);
        if (korean.group(4) != null) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException(hour + "시 is no hour of " + korean.group(4));
            }
            hour = hour % 12 + (korean.group(4).equals("오후") ? 12 : 0);
        }
        int minute = korean.group(6) == null ? 0 : number(korean, 6);
        int second = korean.group(7) == null ? 0 : number(korean, 7);
        return date.atTime(hour, minute, second).atZone(SEOUL).toInstant();
    }

    private static DateTimeFormatter offsetForm(char separator, String offset) {
        return new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(separator)
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset(offset, "Z")
            .toFormatter(Locale.ROOT);
    }

    private static Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(SEOUL).toInstant();
    }

    private static Instant parseIso(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            for (DateTimeFormatter form : OFFSET_FORMS) {
                try {
                    return OffsetDateTime.parse(text, form).toInstant();
                }
                catch (DateTimeParseException notThisOne) {
                    // the next form
                }
            }
            return LocalDateTime.parse(text).atZone(SEOUL).toInstant();
        }
    }

    private static LocalTime time(Matcher matcher, int firstGroup) {
        if (matcher.group(firstGroup) == null) {
            return LocalTime.MIDNIGHT;
        }
        int seconds = matcher.group(firstGroup + 2) == null ? 0 : number(matcher, firstGroup + 2);
        return LocalTime.of(number(matcher, firstGroup), number(matcher, firstGroup + 1), seconds);
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

}
