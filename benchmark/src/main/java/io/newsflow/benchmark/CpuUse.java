package io.newsflow.benchmark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a leg's CPU went: microseconds per event in each process, their sum, and the rate
 * the machine's cores would allow if nothing else ran.
 */
record CpuUse(String leg, Map<String, Long> microsPerEvent, long totalMicros, double coresAllow) {

    /** From CPU seconds by process before and after the leg. */
    static CpuUse between(String leg, Map<String, Double> before, Map<String, Double> after, long events) {
        Map<String, Long> micros = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> process : after.entrySet()) {
            double used = Math.max(0, process.getValue() - before.getOrDefault(process.getKey(), 0.0));
            total += used;
            micros.put(process.getKey(), Math.round(used / events * 1e6));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new CpuUse(leg, micros, Math.round(total / events * 1e6),
                total <= 0 ? Double.POSITIVE_INFINITY : cores * events / total);
    }

    /** The report row's measure. */
    String measure() {
        StringBuilder parts = new StringBuilder();
        this.microsPerEvent.forEach((process,
                micros) -> parts.append(parts.length() == 0 ? "" : ", ").append(process).append(' ').append(micros));
        return "  CPU µs per event, " + this.leg + ": " + parts;
    }

    /** The report row's value. */
    String value() {
        return String.format(Locale.ROOT, "%,d µs (cores allow %s)", this.totalMicros, Report.rate(this.coresAllow));
    }

    void addTo(Report report) {
        report.add(measure(), value());
    }

}
