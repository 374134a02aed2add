package io.newsflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cumulative buckets of one histogram as the services publish it on
 * {@code /actuator/prometheus}, summed over every series (topics, services). The
 * difference of two scrapes holds what was recorded between them; its quantiles are
 * computed as Prometheus' {@code histogram_quantile} does.
 */
final class PrometheusHistogram {

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final TreeMap<Double, Double> cumulative;

    PrometheusHistogram(Map<Double, Double> cumulative) {
        this.cumulative = new TreeMap<>(cumulative);
    }

    /**
     * Scrapes {@code metric} (such as {@code newsflow_freshness_seconds}) from every URL
     * and sums them.
     */
    static PrometheusHistogram scrape(HttpClient http, String metric, String... managementUrls)
            throws IOException, InterruptedException {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String url : managementUrls) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
            parse(response.body(), metric).cumulative.forEach((le, count) -> buckets.merge(le, count, Double::sum));
        }
        return new PrometheusHistogram(buckets);
    }

    static PrometheusHistogram parse(String exposition, String metric) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        String prefix = metric + "_bucket{";
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            Matcher le = LE.matcher(line);
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                double count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                buckets.merge(bound, count, Double::sum);
            }
        }
        return new PrometheusHistogram(buckets);
    }

    /** What was recorded after {@code earlier} was scraped. */
    PrometheusHistogram since(PrometheusHistogram earlier) {
        TreeMap<Double, Double> delta = new TreeMap<>();
        this.cumulative.forEach((le, count) -> delta.put(le, count - earlier.cumulative.getOrDefault(le, 0.0)));
        return new PrometheusHistogram(delta);
    }

    double count() {
        return this.cumulative.isEmpty() ? 0 : this.cumulative.lastEntry().getValue();
    }

    /**
     * The {@code quantile} (0..1) in the histogram's unit, interpolated linearly inside
     * the bucket that holds it; NaN when nothing was recorded.
     */
    double quantile(double quantile) {
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
                return lowerBound
                        + (bucket.getKey() - lowerBound) * (inBucket == 0 ? 1 : (rank - lowerCount) / inBucket);
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound;
    }

}
