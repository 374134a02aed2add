package io.newsflow.opsconsole;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.newsflow.opsconsole.PrometheusText.Sample;

/**
 * The cumulative buckets of one Prometheus histogram, summed over every series (topics,
 * services, instances). The difference of two scrapes holds what was recorded between
 * them; quantiles are computed as Prometheus' {@code histogram_quantile} does. The one
 * reader of histograms for the ops page and the benchmark.
 */
public final class Histogram {

    private final TreeMap<Double, Double> cumulative;

    private Histogram(TreeMap<Double, Double> cumulative) {
        this.cumulative = cumulative;
    }

    /**
     * The histogram {@code metric} (such as {@code newsflow_freshness_seconds}) from
     * parsed samples: its {@code _bucket} series summed by upper bound.
     */
    public static Histogram of(List<Sample> samples, String metric) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        String name = metric + "_bucket";
        for (Sample sample : samples) {
            if (sample.name().equals(name) && !sample.label("le").isEmpty()) {
                buckets.merge(bound(sample.label("le")), sample.value(), Double::sum);
            }
        }
        return new Histogram(buckets);
    }

    /** Upper bounds and their cumulative counts, as in the exposition. */
    public static Histogram of(Map<Double, Double> cumulative) {
        return new Histogram(new TreeMap<>(cumulative));
    }

    /** This histogram plus another (from another service or instance). */
    public Histogram plus(Histogram other) {
        TreeMap<Double, Double> sum = new TreeMap<>(this.cumulative);
        other.cumulative.forEach((le, count) -> sum.merge(le, count, Double::sum));
        return new Histogram(sum);
    }

    /**
     * What was recorded after {@code earlier} was taken. A bucket that went down (the
     * service restarted and its counters began again) counts as nothing recorded, never
     * as a negative count.
     */
    public Histogram since(Histogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        this.cumulative
            .forEach((le, count) -> delta.put(le, Math.max(0, count - earlier.cumulative.getOrDefault(le, 0.0))));
        return new Histogram(delta);
    }

    public double count() {
        return this.cumulative.isEmpty() ? 0 : this.cumulative.lastEntry().getValue();
    }

    /**
     * The {@code quantile} (0..1) in the histogram's unit, interpolated linearly inside
     * the bucket that holds its rank; the highest finite bound when the rank lies in
     * {@code +Inf}; NaN when nothing was recorded.
     */
    public double quantile(double quantile) {
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = quantile * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : this.cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket == 0 ? bucket.getKey()
                        : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

}
