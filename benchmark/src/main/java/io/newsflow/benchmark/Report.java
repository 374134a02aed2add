package io.newsflow.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run's figures as a table: on stdout as text, in {@code report.md} as Markdown. */
final class Report {

    /**
     * One figure.
     *
     * @param measure what was measured
     * @param value the figure with its unit
     * @param ratio the figure as a share of its baseline, or empty
     * @param target the target, or empty
     * @param verdict {@code pass}, {@code FAIL} or empty when there is no target
     */
    record Row(String measure, String value, String ratio, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    private final List<String> notes = new ArrayList<>();

    void add(String measure, String value) {
        this.rows.add(new Row(measure, value, "", "", ""));
    }

    void add(String measure, String value, String ratio, String target, boolean pass) {
        this.rows.add(new Row(measure, value, ratio, target, pass ? "pass" : "FAIL"));
    }

    void note(String note) {
        this.notes.add(note);
    }

    long failures() {
        return this.rows.stream().filter(row -> row.verdict().equals("FAIL")).count();
    }

    String text() {
        int[] widths = { 7, 5, 5, 6, 7 };
        for (Row row : this.rows) {
            widths[0] = Math.max(widths[0], row.measure().length());
            widths[1] = Math.max(widths[1], row.value().length());
            widths[2] = Math.max(widths[2], row.ratio().length());
            widths[3] = Math.max(widths[3], row.target().length());
        }
        String format = "%-" + widths[0] + "s  %" + widths[1] + "s  %" + widths[2] + "s  %-" + widths[3] + "s  %s%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format(format, "measure", "value", "ratio", "target", "verdict"));
        text.append("-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + 17)).append('\n');
        this.rows.forEach(row -> text
            .append(String.format(format, row.measure(), row.value(), row.ratio(), row.target(), row.verdict())));
        return text.toString();
    }

    void writeMarkdown(Path file, String heading, List<String> context) throws IOException {
        StringBuilder markdown = new StringBuilder("# ").append(heading).append("\n\n");
        context.forEach(line -> markdown.append("- ").append(line).append('\n'));
        markdown.append("\n| measure | value | ratio | target | verdict |\n| --- | ---: | ---: | --- | --- |\n");
        this.rows.forEach(row -> markdown.append("| ")
            .append(row.measure())
            .append(" | ")
            .append(row.value())
            .append(" | ")
            .append(row.ratio())
            .append(" | ")
            .append(row.target())
            .append(" | ")
            .append(row.verdict())
            .append(" |\n"));
        if (!this.notes.isEmpty()) {
            markdown.append('\n');
            this.notes.forEach(note -> markdown.append("- ").append(note).append('\n'));
        }
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    static String millis(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

}
