package io.newsflow.projection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of one projected topic: events by outcome, bulk-write latency, batch size and
 * freshness.
 */
class ProjectionMetrics {

    private static final Duration[] SLO_BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10) };

    private final Counter applied;

    private final Counter removed;

    private final Counter duplicate;

    private final Counter stale;

    private final Counter failed;

    private final Timer bulkWrite;

    private final DistributionSummary batchSize;

    private final Timer freshness;

    ProjectionMetrics(MeterRegistry registry, String topic) {
        this.applied = outcome(registry, topic, "applied");
        this.removed = outcome(registry, topic, "removed");
        this.duplicate = outcome(registry, topic, "duplicate");
        this.stale = outcome(registry, topic, "stale");
        this.failed = outcome(registry, topic, "failed");
        this.bulkWrite = Timer.builder("newsflow.projection.bulk.write")
            .description("Time of one bulk write of a batch")
            .tag("topic", topic)
            .publishPercentileHistogram()
            .register(registry);
        this.batchSize = DistributionSummary.builder("newsflow.projection.batch.size")
            .description("Events written by one bulk write")
            .tag("topic", topic)
            .register(registry);
        this.freshness = Timer.builder("newsflow.freshness")
            .description("Time from ingest's acceptance of an event to the moment it is queryable")
            .tag("topic", topic)
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .serviceLevelObjectives(SLO_BUCKETS)
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String topic, String outcome) {
        return Counter.builder("newsflow.projection.events")
            .description("Events consumed into the read model, by outcome")
            .tag("topic", topic)
            .tag("outcome", outcome)
            .register(registry);
    }

    void record(Outcome outcome, int events, long nanos) {
        this.applied.increment(outcome.applied());
        this.removed.increment(outcome.removed());
        this.duplicate.increment(outcome.duplicate());
        this.stale.increment(outcome.stale());
        if (events > 0) {
            this.bulkWrite.record(nanos, TimeUnit.NANOSECONDS);
            this.batchSize.record(events);
        }
    }

    void fresh(Duration sinceAcceptance) {
        this.freshness.record(sinceAcceptance.isNegative() ? Duration.ZERO : sinceAcceptance);
    }

    void failed() {
        this.failed.increment();
    }

}
