package io.newsflow.projection.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.newsflow.projection.PoisonEventException;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Rebuilds a read model from the start of its (compacted) topic into a shadow collection while the
 * API keeps serving the current one, then switches to the shadow in one step:
 * <ol>
 * <li>a consumer of its own reads every partition from the beginning into the shadow collection,
 * through the same version guard, until it reaches the end offsets it saw when it started;</li>
 * <li>the live listener of this instance is paused, and the rebuild catches up to the new ends;</li>
 * <li>the served collection is switched to the shadow ({@link ReadModel#switchTo}) and the live
 * listener resumes, re-applying from its committed offsets (the guard makes repeats harmless);</li>
 * <li>the rebuild keeps tailing the topic into the new collection for a grace period, so events that
 * other instances applied to the old collection before they noticed the switch are in the new one
 * too; then the old collection is dropped.</li>
 * </ol>
 *
 * @param <E> the event type
 */
public class ReadModelRebuild<E> {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private final String topic;

    private final ProjectionWriter<E> writer;

    private final ConsumerFactory<String, E> consumers;

    private final Supplier<MessageListenerContainer> liveListeners;

    private final MongoTemplate mongo;

    private final Clock clock;

    private final Duration grace;

    private final AtomicLong read = new AtomicLong();

    private final AtomicLong lag = new AtomicLong();

    private volatile Status status = Status.idle();

    public ReadModelRebuild(String topic, ProjectionWriter<E> writer, ConsumerFactory<String, E> consumers,
            Supplier<MessageListenerContainer> liveListener, MongoTemplate mongo, Clock clock, Duration grace) {
        this.topic = topic;
        this.writer = writer;
        this.consumers = consumers;
        this.liveListeners = liveListener;
        this.mongo = mongo;
        this.clock = clock;
        this.grace = grace;
    }

    /** Starts a rebuild in the background; while one runs, answers its status instead of starting another. */
    public synchronized Status start() {
        if (this.status.state().equals("running")) {
            return status();
        }
        String shadow = this.writer.readModel().name() + "_" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                .withZone(ZoneOffset.UTC).format(this.clock.instant());
        this.read.set(0);
        this.lag.set(-1);
        this.status = new Status("running", "reading the topic into " + shadow, shadow, this.clock.instant(), null);
        Thread thread = new Thread(() -> run(shadow), "rebuild-" + shadow);
        thread.setDaemon(true);
        thread.start();
        return status();
    }

    /** What the rebuild does or did, with records read and the lag left. */
    public Status status() {
        Status current = this.status;
        return new Status(current.state(), current.step(), current.shadow(), current.startedAt(),
                current.finishedAt(), this.read.get(), this.lag.get(), this.writer.readModel().collection());
    }

    private void run(String shadow) {
        ReadModel model = this.writer.readModel();
        MessageListenerContainer live = this.liveListeners.get();
        boolean paused = false;
        try (Consumer<String, E> consumer = this.consumers.createConsumer(model.name() + "-rebuild", "rebuild")) {
            model.ensureIndexes(shadow);
            List<TopicPartition> partitions = consumer.partitionsFor(this.topic).stream()
                    .map(info -> new TopicPartition(this.topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            catchUp(consumer, partitions, shadow);
            step("pausing the live listener to catch up");
            live.pause();
            paused = true;
            awaitPaused(live);
            catchUp(consumer, partitions, shadow);
            String old = model.switchTo(shadow);
            live.resume();
            paused = false;
            step("switched; tailing for " + this.grace.toSeconds() + " s for other instances");
            tail(consumer, shadow);
            if (!old.equals(shadow)) {
                this.mongo.dropCollection(old);
            }
            this.status = new Status("switched", "serving " + shadow, shadow, this.status.startedAt(),
                    this.clock.instant());
            log.info("Read model {} rebuilt into {} from {} records", model.name(), shadow, this.read.get());
        }
        catch (RuntimeException | InterruptedException ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuild of {} failed; still serving {}", model.name(), model.collection(), ex);
            if (!model.collection().equals(shadow)) {
                this.mongo.dropCollection(shadow);
            }
            this.status = new Status("failed", String.valueOf(ex.getMessage()), shadow, this.status.startedAt(),
                    this.clock.instant());
        }
        finally {
            if (paused) {
                live.resume();
            }
        }
    }

    private void catchUp(Consumer<String, E> consumer, List<TopicPartition> partitions, String shadow) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (true) {
            long remaining = partitions.stream().mapToLong(p -> Math.max(0, end.get(p) - consumer.position(p))).sum();
            this.lag.set(remaining);
            if (remaining == 0) {
                return;
            }
            apply(consumer, shadow);
        }
    }

    private void tail(Consumer<String, E> consumer, String collection) {
        long until = System.nanoTime() + this.grace.toNanos();
        while (System.nanoTime() < until) {
            apply(consumer, collection);
        }
    }

    private void apply(Consumer<String, E> consumer, String collection) {
        List<E> events = new ArrayList<>();
        for (ConsumerRecord<String, E> record : consumer.poll(POLL)) {
            this.read.incrementAndGet();
            if (record.value() == null || SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null) != null) {
                continue;
            }
            try {
                this.writer.projection().validate(record.key(), record.value());
                events.add(record.value());
            }
            catch (PoisonEventException ex) {
                log.debug("Rebuild skips the poison record {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        this.writer.write(events, collection);
    }

    private void awaitPaused(MessageListenerContainer live) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
     * @param state {@code idle}, {@code running}, {@code switched} or {@code failed}
     * @param serving the collection the API serves now
     */
    public record Status(String state, String step, String shadow, Instant startedAt, Instant finishedAt,
            long recordsRead, long lag, String serving) {

        Status(String state, String step, String shadow, Instant startedAt, Instant finishedAt) {
            this(state, step, shadow, startedAt, finishedAt, 0, 0, null);
        }

        static Status idle() {
            return new Status("idle", "no rebuild since start", null, null, null);
        }
    }
}
