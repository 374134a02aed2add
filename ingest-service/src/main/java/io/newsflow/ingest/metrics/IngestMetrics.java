package io.newsflow.ingest.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What ingest counts: items by kind ({@code article}, {@code post}, {@code page}) and
 * outcome ({@code accepted}, {@code rejected} with a reason, {@code failed} when Kafka
 * did not acknowledge), the latency of publishing, and pages parsed or unrecognised.
 */
@Component
public class IngestMetrics {

    public static final String ARTICLE = "article";

    public static final String POST = "post";

    public static final String PAGE = "page";

    private final MeterRegistry registry;

    private final Timer acknowledged;

    private final Timer unacknowledged;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.acknowledged = publishTimer(registry, "acknowledged");
        this.unacknowledged = publishTimer(registry, "failed");
    }

    private static Timer publishTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("newsflow.ingest.publish")
            .description("Time from sending a request's events to Kafka's last acknowledgement")
            .tag("outcome", outcome)
            .publishPercentileHistogram()
            .register(registry);
    }

    public void accepted(String kind, int count) {
        items(kind, "accepted", "none").increment(count);
    }

    /**
     * @param reason a bounded word such as {@code invalid}, {@code malformed},
     * {@code too_large}
     */
    public void rejected(String kind, String reason) {
        items(kind, "rejected", reason).increment();
    }

    public void failed(String kind, int count) {
        items(kind, "failed", "kafka_unavailable").increment(count);
    }

    public void published(long nanos, boolean allAcknowledged) {
        (allAcknowledged ? this.acknowledged : this.unacknowledged).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Counts a scraped page. Tags never take a client's value (a board name per tag would
     * let any client grow the service's metrics without bound): the outcome, and the
     * layout the page was read by, one of a fixed few.
     * @param outcome {@code parsed} or {@code unrecognised}
     * @param layout {@code text}, {@code gnuboard}, {@code xpressengine} or
     * {@code gallery}
     */
    public void page(String outcome, String layout) {
        Counter.builder("newsflow.ingest.pages")
            .description("Scraped pages by parse outcome and layout read")
            .tag("outcome", outcome)
            .tag("layout", layout)
            .register(this.registry)
            .increment();
    }

    /** The kind of entity a request path writes. */
    public static String kindOf(String path) {
        if (path.contains("/articles")) {
            return ARTICLE;
        }
        if (path.contains("/pages")) {
            return PAGE;
        }
        return path.contains("/posts") ? POST : "other";
    }

    private Counter items(String kind, String outcome, String reason) {
        return Counter.builder("newsflow.ingest.items")
            .description("Items sent to ingest, by kind and outcome")
            .tag("kind", kind)
            .tag("outcome", outcome)
            .tag("reason", reason)
            .register(this.registry);
    }

}
