package io.newsflow.article.story;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.projection.ReadModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Regroups the queued articles on one thread of one instance: the instance that holds the
 * lease (a document of {@code storyGrouping}, renewed every pass) does the work, so no
 * two regroupings ever race on a story. When the articles are served from another
 * collection than the last pass saw (a rebuild switched it), every article is queued
 * again: the stories are then worked out from the new collection alone.
 */
@Component
class StoryMaintenance implements SmartLifecycle {

    static final String STATE = "storyGrouping";

    private static final String LEASE = "grouping";

    private static final Logger log = LoggerFactory.getLogger(StoryMaintenance.class);

    private final MongoTemplate mongo;

    private final ReadModel articles;

    private final StoryQueue queue;

    private final StoryGrouping grouping;

    private final StoryProperties properties;

    private final Clock clock;

    private final StoryMetrics metrics;

    private final String instance = UUID.randomUUID().toString();

    private volatile ScheduledExecutorService executor;

    StoryMaintenance(MongoTemplate mongo, ReadModel articles, StoryQueue queue, StoryGrouping grouping,
            StoryProperties properties, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.articles = articles;
        this.queue = queue;
        this.grouping = grouping;
        this.properties = properties;
        this.clock = clock;
        this.metrics = new StoryMetrics(registry, queue::size);
    }

    /**
     * Regroups until the queue is empty, if this instance holds the lease; answers how
     * many articles it regrouped.
     */
    int drain() {
        int regrouped = 0;
        if (!holdLease()) {
            return 0;
        }
        followSwitch();
        while (true) {
            Map<String, Object> taken = this.queue.take(this.properties.batch());
            if (taken.isEmpty()) {
                return regrouped;
            }
            long started = System.nanoTime();
            StoryGrouping.Regrouped result = this.grouping.regroup(taken.keySet(), this.articles.collection());
            this.queue.done(taken);
            this.metrics.record(result, taken.size(), System.nanoTime() - started);
            regrouped += taken.size();
            if (!holdLease()) {
                return regrouped;
            }
        }
    }

    /**
     * Queues every article again when the served collection is not the one last grouped.
     */
    private void followSwitch() {
        String served = this.articles.collection();
        Document state = this.mongo.findById(LEASE, Document.class, STATE);
        if (state != null && served.equals(state.getString("collection"))) {
            return;
        }
        log.info("Working out every story again from {}", served);
        Query everything = new Query();
        everything.fields().include("_id");
        Query stories = new Query();
        stories.fields().include("articles");
        queueInBatches(this.mongo.stream(everything, Document.class, served).map(article -> article.getString("_id")));
        queueInBatches(this.mongo.stream(stories, Document.class, StoryGrouping.STORIES)
            .flatMap(story -> story.getList("articles", String.class).stream()));
        this.mongo.updateFirst(Query.query(Criteria.where("_id").is(LEASE)), new Update().set("collection", served),
                STATE);
    }

    /** Queues the ids a batch at a time, as they are read. */
    private void queueInBatches(Stream<String> ids) {
        Set<String> batch = new HashSet<>();
        try (ids) {
            ids.forEach(id -> {
                batch.add(id);
                if (batch.size() >= this.properties.batch()) {
                    this.queue.add(batch);
                    batch.clear();
                }
            });
        }
        this.queue.add(batch);
    }

    /** Takes or renews the lease; false while another instance holds it. */
    private boolean holdLease() {
        long now = this.clock.millis();
        Query free = Query.query(Criteria.where("_id")
            .is(LEASE)
            .orOperator(Criteria.where("owner").is(this.instance), Criteria.where("until").lt(now)));
        try {
            this.mongo.findAndModify(free,
                    new Update().set("owner", this.instance).set("until", now + this.properties.lease().toMillis()),
                    FindAndModifyOptions.options().upsert(true), Document.class, STATE);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    private void pass() {
        try {
            drain();
        }
        catch (RuntimeException ex) {
            log.warn("Story grouping failed; the queued articles stay queued: {}", ex.getMessage());
        }
    }

    @Override
    public void start() {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "story-grouping");
            thread.setDaemon(true);
            return thread;
        });
        long interval = this.properties.interval().toMillis();
        this.executor.scheduleWithFixedDelay(this::pass, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = this.executor;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.executor != null;
    }

}
