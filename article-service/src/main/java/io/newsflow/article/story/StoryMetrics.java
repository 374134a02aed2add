package io.newsflow.article.story;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What story grouping did, for Prometheus: {@code newsflow_stories_*}. */
final class StoryMetrics {

    private final Counter created;

    private final Counter merged;

    private final Counter split;

    private final Counter articles;

    private final DistributionSummary size;

    private final Timer regrouping;

    StoryMetrics(MeterRegistry registry, Supplier<Number> pending) {
        this.created = Counter.builder("newsflow.stories.formed").description("stories that began").register(registry);
        this.merged = Counter.builder("newsflow.stories.merged")
            .description("stories formed of the articles of two or more earlier ones")
            .register(registry);
        this.split = Counter.builder("newsflow.stories.split")
            .description("stories whose articles came apart (a removal, an edit)")
            .register(registry);
        this.articles = Counter.builder("newsflow.stories.regrouped")
            .description("articles whose story was worked out")
            .baseUnit("articles")
            .register(registry);
        // no base unit: Prometheus would append it to the name; "formed", not "created":
        // OpenMetrics reserves the _created suffix (a counter's creation time)
        this.size = DistributionSummary.builder("newsflow.stories.size")
            .description("articles of each story written")
            .serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100)
            .register(registry);
        this.regrouping = Timer.builder("newsflow.stories.regrouping")
            .description("time of one regrouping of queued articles")
            .register(registry);
        Gauge.builder("newsflow.stories.pending", pending)
            .description("articles whose story is still to be worked out")
            .register(registry);
    }

    void record(StoryGrouping.Regrouped regrouped, int articles, long nanos) {
        this.created.increment(regrouped.created());
        this.merged.increment(regrouped.merged());
        this.split.increment(regrouped.split());
        this.articles.increment(articles);
        regrouped.sizes().forEach(this.size::record);
        this.regrouping.record(nanos, TimeUnit.NANOSECONDS);
    }

}
