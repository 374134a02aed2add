package io.newsflow.benchmark;

import java.util.Arrays;

/** Latency samples of one kind of request, and their percentiles. Thread-safe. */
final class Latencies {

    private long[] nanos = new long[1024];

    private int count;

    private int errors;

    synchronized void record(long latencyNanos) {
        if (this.count == this.nanos.length) {
            this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
        }
        this.nanos[this.count++] = latencyNanos;
    }

    synchronized void error() {
        this.errors++;
    }

    synchronized void addAll(Latencies other) {
        long[] samples;
        int errors;
        synchronized (other) {
            samples = Arrays.copyOf(other.nanos, other.count);
            errors = other.errors;
        }
        for (long sample : samples) {
            record(sample);
        }
        this.errors += errors;
    }

    synchronized int count() {
        return this.count;
    }

    synchronized int errors() {
        return this.errors;
    }

    /** The nearest-rank percentile in milliseconds, NaN without samples. */
    synchronized double percentileMillis(double percentile) {
        if (this.count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(this.nanos, this.count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

}
