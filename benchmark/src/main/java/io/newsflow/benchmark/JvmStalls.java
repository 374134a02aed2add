package io.newsflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The longest each JVM of the stack stood still, from its unified log
 * ({@code -Xlog:gc,safepoint}, {@code <process>-gc.log} and its rotations under the
 * stack's log directory): every safepoint's total time (the collector's pauses and every
 * other stop of all threads) and ZGC's allocation stalls (a thread waiting for memory
 * while the others run).
 */
final class JvmStalls {

    /** {@code Safepoint "...", ..., Total: 1234567 ns}. */
    private static final Pattern SAFEPOINT = Pattern.compile("Safepoint \".{1,80}?\".{0,200}?Total: (\\d{1,15}) ns");

    /** {@code Allocation Stall (thread) 12.345ms}. */
    private static final Pattern ALLOCATION_STALL = Pattern
        .compile("Allocation Stall \\(.{1,120}?\\) (\\d{1,9}\\.\\d{1,6})ms");

    private static final String SUFFIX = "-gc.log";

    private JvmStalls() {
    }

    /**
     * The longest stall and how many lasted over {@code limitMillis}, by process (the
     * log's name without {@code -gc.log}).
     */
    static Map<String, Stalls> read(Path logs, double limitMillis) {
        Map<String, Stalls> byProcess = new TreeMap<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                int at = name.indexOf(SUFFIX);
                if (at < 0) {
                    continue;
                }
                Stalls stalls = of(file, limitMillis);
                byProcess.merge(name.substring(0, at), stalls, Stalls::plus);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return byProcess;
    }

    static Stalls of(Path log, double limitMillis) {
        double longest = 0;
        long over = 0;
        long count = 0;
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                double millis = stallMillis(line);
                if (millis < 0) {
                    continue;
                }
                count++;
                longest = Math.max(longest, millis);
                if (millis > limitMillis) {
                    over++;
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Stalls(longest, over, count);
    }

    /** The stall a log line reports in milliseconds, or -1 for any other line. */
    static double stallMillis(String line) {
        Matcher safepoint = SAFEPOINT.matcher(line);
        if (safepoint.find()) {
            return Long.parseLong(safepoint.group(1)) / 1e6;
        }
        Matcher stall = ALLOCATION_STALL.matcher(line);
        if (stall.find()) {
            return Double.parseDouble(stall.group(1));
        }
        return -1;
    }

    /** The longest stall, how many were over the limit, and how many the log holds. */
    record Stalls(double longestMillis, long overLimit, long count) {

        Stalls plus(Stalls other) {
            return new Stalls(Math.max(this.longestMillis, other.longestMillis), this.overLimit + other.overLimit,
                    this.count + other.count);
        }

    }

}
