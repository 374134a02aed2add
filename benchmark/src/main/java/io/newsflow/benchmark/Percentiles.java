package io.newsflow.benchmark;

/** Three percentiles of one latency, in milliseconds (NaN when nothing was recorded). */
record Percentiles(double p50, double p95, double p99) {

    static Percentiles of(Latencies latencies) {
        return new Percentiles(latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99));
    }

    double[] values() {
        return new double[] { this.p50, this.p95, this.p99 };
    }

}
