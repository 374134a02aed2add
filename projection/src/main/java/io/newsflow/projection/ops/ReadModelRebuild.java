package io.newsflow.projection.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonValue;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Rebuilds a read model from the start of its (compacted) topic into a shadow collection
 * while the API keeps serving the current one, then switches to the shadow in one step:
 * <ol>
 * <li>{@link #readTopic}: a consumer of its own reads every partition from the beginning
 * into the shadow collection, through the same version guard, until it reaches the end
 * offsets it saw when it started, building each batch while the store writes the one
 * before ({@link StoreWrites});</li>
 * <li>{@link #catchUpPaused}: the live listener of this instance is paused, and the
 * rebuild catches up to the new ends;</li>
 * <li>{@link #switchServing}: the registry names the shadow ({@link ReadModel#switchTo});
 * when the switch fails the registry is read again, since the server may have applied
 * it;</li>
 * <li>{@link #tail}: the live listener resumes, and the rebuild keeps tailing the topic
 * into the new collection for a grace period;</li>
 * <li>{@link #dropReplaced}: the old collection is dropped, unless the registry names
 * it.</li>
 * </ol>
 * Every instance confirms its collection against the registry after each write before its
 * offsets move ({@link ReadModel#confirm}), so a write that lands in the old collection
 * after the switch is written to the new one too, however late that instance notices. A
 * failed rebuild drops its shadow only when the registry does not name it: no instance is
 * ever left serving a dropped collection.
 *
 * @param <E> the event type
 */
public class ReadModelRebuild<E> {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(60);

    private final TaskExecutor executor;

    private final String topic;

    private final ProjectionWriter<E> writer;

    private final ConsumerFactory<String, E> consumers;

    private final Supplier<MessageListenerContainer> liveListener;

    private final MongoTemplate mongo;

    private final Clock clock;

    private final Duration grace;

    private final AtomicLong read = new AtomicLong();

    private final AtomicLong lag = new AtomicLong();

    private volatile Status status = Status.idle();

    /** A rebuild that runs on a thread of its own (a daemon), one at a time. */
    public ReadModelRebuild(String topic, ProjectionWriter<E> writer, ConsumerFactory<String, E> consumers,
            Supplier<MessageListenerContainer> liveListener, MongoTemplate mongo, Clock clock, Duration grace) {
        this(topic, writer, consumers, liveListener, mongo, clock, grace, rebuildThreads());
    }

    public ReadModelRebuild(String topic, ProjectionWriter<E> writer, ConsumerFactory<String, E> consumers,
            Supplier<MessageListenerContainer> liveListener, MongoTemplate mongo, Clock clock, Duration grace,
            TaskExecutor executor) {
        this.executor = executor;
        this.topic = topic;
        this.writer = writer;
        this.consumers = consumers;
        this.liveListener = liveListener;
        this.mongo = mongo;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Starts a rebuild in the background; while one runs, answers its status instead of
     * starting another.
     */
    public synchronized Status start() {
        if (this.status.state() == State.RUNNING) {
            return status();
        }
        String shadow = shadowName();
        this.read.set(0);
        this.lag.set(-1);
        this.status = new Status(State.RUNNING, "reading the topic into " + shadow, shadow, this.clock.instant(), null);
        this.executor.execute(() -> run(shadow));
        return status();
    }

    private static TaskExecutor rebuildThreads() {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("rebuild-");
        threads.setDaemon(true);
        threads.setConcurrencyLimit(1);
        return threads;
    }

    /**
     * A collection name of the model and the time that is not the served one: a second
     * rebuild within the same instant of the clock would otherwise write into, and then
     * drop, the collection the first one switched to.
     */
    private String shadowName() {
        String base = this.writer.readModel().name() + "_"
                + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(this.clock.instant());
        String shadow = base;
        for (int next = 2; shadow.equals(this.writer.readModel().collection())
                || this.mongo.collectionExists(shadow); next++) {
            shadow = base + "_" + next;
        }
        return shadow;
    }

    /** What the rebuild does or did, with records read and the lag left. */
    public Status status() {
        Status current = this.status;
        return new Status(current.state(), current.step(), current.shadow(), current.startedAt(), current.finishedAt(),
                this.read.get(), this.lag.get(), this.writer.readModel().collection());
    }

    private void run(String shadow) {
        MessageListenerContainer live = this.liveListener.get();
        String servedBefore = this.writer.readModel().collection();
        // closed (its last write waited for) before a failure drops the shadow, which a
        // write still under way would create again
        try (Consumer<String, E> consumer = this.consumers.createConsumer(this.writer.readModel().name() + "-rebuild",
                "rebuild"); StoreWrites writes = new StoreWrites(this.writer)) {
            List<TopicPartition> partitions = readTopic(consumer, writes, shadow);
            catchUpPaused(consumer, writes, partitions, shadow, live);
            tail(consumer, writes, shadow);
            dropReplaced(servedBefore, shadow);
        }
        catch (RuntimeException | InterruptedException ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(shadow, ex);
        }
        finally {
            if (live.isPauseRequested()) {
                live.resume();
            }
        }
    }

    /**
     * Step 1: the whole topic, from its start to the ends it has now, into the shadow
     * collection; then its indexes, built once over what it holds (as MongoDB advises for
     * a bulk load) rather than kept up by every write of the load. The collection exists
     * from the start, so a second rebuild never picks its name.
     */
    private List<TopicPartition> readTopic(Consumer<String, E> consumer, StoreWrites writes, String shadow) {
        this.mongo.createCollection(shadow);
        List<TopicPartition> partitions = consumer.partitionsFor(this.topic)
            .stream()
            .map(info -> new TopicPartition(this.topic, info.partition()))
            .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        catchUp(consumer, writes, partitions, shadow);
        step("building the indexes of " + shadow);
        this.writer.readModel().ensureIndexes(shadow);
        return partitions;
    }

    /**
     * Steps 2 and 3: the live listener paused, the last records read, the shadow served.
     */
    private void catchUpPaused(Consumer<String, E> consumer, StoreWrites writes, List<TopicPartition> partitions,
            String shadow, MessageListenerContainer live) throws InterruptedException {
        step("pausing the live listener to catch up");
        live.pause();
        awaitPaused(live);
        catchUp(consumer, writes, partitions, shadow);
        switchServing(shadow);
        live.resume();
    }

    private void switchServing(String shadow) {
        ReadModel model = this.writer.readModel();
        try {
            model.switchTo(shadow);
        }
        catch (RuntimeException ex) {
            if (!shadow.equals(model.registered())) {
                throw ex;
            }
            log.warn("The switch to {} failed after the registry recorded it; serving it", shadow, ex);
            model.refresh();
        }
        this.status = new Status(State.RUNNING,
                "switched; tailing for " + this.grace.toSeconds() + " s for other instances", shadow,
                this.status.startedAt(), null);
    }

    /**
     * Step 4: what other instances applied to the old collection before they noticed the
     * switch.
     */
    private void tail(Consumer<String, E> consumer, StoreWrites writes, String shadow) {
        long until = System.nanoTime() + this.grace.toNanos();
        while (System.nanoTime() < until) {
            apply(consumer, writes, shadow);
        }
        writes.awaitWritten();
    }

    /**
     * Step 5: the collection served before is dropped, unless the registry names it
     * (again).
     */
    private void dropReplaced(String servedBefore, String shadow) {
        ReadModel model = this.writer.readModel();
        if (!servedBefore.equals(shadow) && !servedBefore.equals(model.registered())) {
            this.mongo.dropCollection(servedBefore);
        }
        this.status = new Status(State.SWITCHED, "serving " + shadow, shadow, this.status.startedAt(),
                this.clock.instant());
        log.info("Read model {} rebuilt into {} from {} records", model.name(), shadow, this.read.get());
    }

    /**
     * A failed rebuild drops its shadow, unless the registry names it: then it is what
     * every instance serves.
     */
    private void fail(String shadow, Exception ex) {
        ReadModel model = this.writer.readModel();
        String served = model.registered();
        if (shadow.equals(served)) {
            model.refresh();
            log.error("Rebuild of {} failed after switching to {}; {} stays served", model.name(), shadow, shadow, ex);
        }
        else {
            log.error("Rebuild of {} failed; still serving {}", model.name(), model.collection(), ex);
            this.mongo.dropCollection(shadow);
        }
        this.status = new Status(State.FAILED, String.valueOf(ex.getMessage()), shadow, this.status.startedAt(),
                this.clock.instant());
    }

    /**
     * Reads up to the ends the topic has now; returns once everything read is written
     * (the consumer's position runs a batch ahead of the store).
     */
    private void catchUp(Consumer<String, E> consumer, StoreWrites writes, List<TopicPartition> partitions,
            String shadow) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (true) {
            long remaining = partitions.stream().mapToLong(p -> Math.max(0, end.get(p) - consumer.position(p))).sum();
            this.lag.set(remaining);
            if (remaining == 0) {
                writes.awaitWritten();
                return;
            }
            apply(consumer, writes, shadow);
        }
    }

    /**
     * One poll into {@code collection}: its changes are built while the store writes the
     * batch before; records the live listener would dead-letter are skipped.
     */
    private void apply(Consumer<String, E> consumer, StoreWrites writes, String collection) {
        List<E> events = new ArrayList<>();
        for (ConsumerRecord<String, E> record : consumer.poll(POLL)) {
            this.read.incrementAndGet();
            if (record.value() != null && ProjectionListener.isApplicable(record, this.writer.projection())) {
                events.add(record.value());
            }
        }
        writes.submit(this.writer.prepare(events), collection);
    }

    private void awaitPaused(MessageListenerContainer live) throws InterruptedException {
        long deadline = System.nanoTime() + PAUSE_TIMEOUT.toNanos();
        while (!live.isPauseRequested() || !live.isContainerPaused()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live listener did not pause within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private void step(String step) {
        Status current = this.status;
        this.status = new Status(current.state(), step, current.shadow(), current.startedAt(), null);
    }

    /**
     * The rebuild's writes, one batch at a time on a thread of their own, so that the
     * next batch's changes (Nori, most of the rebuild's CPU) are built while the store
     * writes the last one. The batches of a rebuild are independent: each goes through
     * the version guard, so the order in which two of them land does not change what the
     * collection holds. At most one write is under way; a failed one is thrown by the
     * next {@link #submit} or {@link #awaitWritten}, and the rebuild fails.
     */
    private static final class StoreWrites implements AutoCloseable {

        private final ProjectionWriter<?> writer;

        private final ExecutorService thread;

        private Future<?> last = CompletableFuture.completedFuture(null);

        StoreWrites(ProjectionWriter<?> writer) {
            this.writer = writer;
            this.thread = Executors.newSingleThreadExecutor((task) -> {
                Thread write = new Thread(task, "rebuild-write-" + writer.readModel().name());
                write.setDaemon(true);
                return write;
            });
        }

        /** Waits for the write before, then starts this one. */
        void submit(ProjectionWriter.Prepared prepared, String collection) {
            awaitWritten();
            if (prepared.size() > 0) {
                this.last = this.thread.submit(() -> this.writer.write(prepared, collection));
            }
        }

        /** Waits until everything submitted is written; throws what a write threw. */
        void awaitWritten() {
            try {
                this.last.get();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the store wrote a batch", ex);
            }
            catch (ExecutionException ex) {
                if (ex.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(ex.getCause());
            }
        }

        /** Lets a write under way finish, whatever the rebuild's state, then stops. */
        @Override
        public void close() {
            this.thread.shutdown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (this.thread.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                    log.warn("A write of the rebuild of {} still runs after a minute", this.writer.readModel().name());
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

    }

    /** Where a rebuild is. */
    public enum State {

        IDLE, RUNNING, SWITCHED, FAILED;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

    }

    /**
     * @param serving the collection the API serves now
     */
    public record Status(State state, String step, String shadow, Instant startedAt, Instant finishedAt,
            long recordsRead, long lag, String serving) {

        Status(State state, String step, String shadow, Instant startedAt, Instant finishedAt) {
            this(state, step, shadow, startedAt, finishedAt, 0, 0, null);
        }

        static Status idle() {
            return new Status(State.IDLE, "no rebuild since start", null, null, null);
        }
    }

}
