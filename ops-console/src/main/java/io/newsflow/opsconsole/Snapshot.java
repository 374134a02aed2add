package io.newsflow.opsconsole;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.newsflow.opsconsole.PrometheusText.Sample;

/** The numbers of one scrape of every service, at one moment. */
record Snapshot(long takenAtNanos, Map<String, Service> services) {

    /** What one service reported: its health and the counters the console shows. */
    record Service(String name, String status, Map<String, String> components, List<Sample> samples) {

        double sum(String metric, Predicate<Sample> filter) {
            return this.samples.stream()
                .filter(s -> s.name().equals(metric))
                .filter(filter)
                .mapToDouble(Sample::value)
                .sum();
        }

        Histogram histogram(String metric) {
            return Histogram.of(this.samples, metric);
        }
    }
}
