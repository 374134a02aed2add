package io.newsflow.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Applies a polled batch to the read model. A record that can never be applied
 * ({@link PoisonRecords}) is sent alone to the dead-letter topic on the spot and the rest
 * of the batch is written, so a poison record costs one send and never stalls its
 * partition. Should that send fail, the records before it are written and it is reported
 * with {@link BatchListenerFailedException}, so the container's error handler retries it
 * and redelivers the records after it.
 *
 * <p>
 * Once a batch's documents are written, the next offset of each of its partitions is
 * written to the same store ({@link StoredOffsets}), then the container commits the
 * offsets to Kafka. After a crash the consumer resumes from the store's position, never
 * from one ahead of what it holds. The writer's write to the served collection is fenced
 * against a switch by a rebuild on another instance
 * ({@link ProjectionWriter#write(List)}).
 *
 * @param <E> the event type
 */
public class ProjectionListener<E> {

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final ProjectionWriter<E> writer;

    private final Projection<E> projection;

    private final StoredOffsets offsets;

    private final ProjectionMetrics metrics;

    private final RecordTracing tracing;

    private final Clock clock;

    private final ConsumerRecordRecoverer deadLetters;

    /**
     * @param tracer and {@code propagator} continue the producers' traces; either may be
     * {@code null}
     */
    public ProjectionListener(ProjectionWriter<E> writer, StoredOffsets offsets, ConsumerRecordRecoverer deadLetters,
            MeterRegistry registry, String topic, Tracer tracer, Propagator propagator, Clock clock) {
        this.deadLetters = deadLetters;
        this.writer = writer;
        this.offsets = offsets;
        this.projection = writer.projection();
        this.metrics = new ProjectionMetrics(registry, topic);
        this.tracing = new RecordTracing(tracer, propagator, topic);
        this.clock = clock;
    }

    /**
     * Writes the batch and its position; offsets are committed to Kafka by the container
     * once this returns.
     */
    public Outcome apply(List<ConsumerRecord<String, E>> records) {
        List<ConsumerRecord<String, E>> applicable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, E> record = records.get(i);
            RuntimeException poison = PoisonRecords.reason(record, this.projection);
            if (poison != null) {
                log.warn("Poison record {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                        record.offset(), poison.getMessage());
                try {
                    this.deadLetters.accept(record, poison);
                }
                catch (RuntimeException ex) {
                    write(applicable);
                    this.offsets.store(nextOffsets(records.subList(0, i)));
                    throw new BatchListenerFailedException("Dead-lettering failed: " + ex.getMessage(), poison, i);
                }
                this.metrics.failed();
                continue;
            }
            if (record.value() != null) {
                applicable.add(record);
            }
        }
        Outcome outcome = write(applicable);
        this.offsets.store(nextOffsets(records));
        return outcome;
    }

    private Outcome write(List<ConsumerRecord<String, E>> records) {
        List<E> events = records.stream().map(ConsumerRecord::value).toList();
        List<Span> spans = this.tracing.start(records);
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = this.writer.write(events);
        }
        catch (RuntimeException ex) {
            this.tracing.end(spans, ex);
            throw ex;
        }
        this.tracing.end(spans, null);
        Instant queryable = this.clock.instant();
        this.metrics.record(outcome, events.size(), System.nanoTime() - started);
        events.forEach(event -> this.metrics.fresh(Duration.between(this.projection.acceptedAt(event), queryable)));
        return outcome;
    }

    /**
     * Whether a record can be applied: the same rule for the live listener and a rebuild.
     */
    public static <E> boolean isApplicable(ConsumerRecord<String, E> record, Projection<E> projection) {
        return PoisonRecords.reason(record, projection) == null;
    }

    private static Map<Integer, Long> nextOffsets(List<? extends ConsumerRecord<?, ?>> records) {
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            next.merge(record.partition(), record.offset() + 1, Math::max);
        }
        return next;
    }

}
