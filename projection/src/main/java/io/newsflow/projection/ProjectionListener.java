package io.newsflow.projection;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Applies a polled batch to the read model. Records that can never be applied (undeserialisable, or
 * rejected by {@link Projection#validate}) are reported with {@link BatchListenerFailedException}:
 * the records before one are written first, the error handler sends it alone to the dead-letter
 * topic and redelivers the records after it, so a poison record never blocks its partition.
 *
 * @param <E> the event type
 */
public class ProjectionListener<E> {

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final ProjectionWriter<E> writer;

    private final Projection<E> projection;

    private final ProjectionMetrics metrics;

    public ProjectionListener(ProjectionWriter<E> writer, Projection<E> projection, MeterRegistry registry,
            String topic) {
        this.writer = writer;
        this.projection = projection;
        this.metrics = new ProjectionMetrics(registry, topic);
    }

    /** Writes the batch; offsets are committed by the container once this returns. */
    public Outcome apply(List<ConsumerRecord<String, E>> records) {
        List<E> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, E> record = records.get(i);
            RuntimeException poison = poison(record);
            if (poison != null) {
                Outcome outcome = write(events);
                this.metrics.failed();
                log.warn("Poison record {}-{}@{} goes to the dead-letter topic: {}", record.topic(),
                        record.partition(), record.offset(), poison.getMessage());
                throw new BatchListenerFailedException("Record can never be applied: " + poison.getMessage(),
                        poison, i);
            }
            if (record.value() != null) {
                events.add(record.value());
            }
        }
        return write(events);
    }

    private Outcome write(List<E> events) {
        long started = System.nanoTime();
        Outcome outcome = this.writer.write(events);
        this.metrics.record(outcome, events.size(), System.nanoTime() - started);
        return outcome;
    }

    private RuntimeException poison(ConsumerRecord<String, E> record) {
        DeserializationException undeserialisable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        if (undeserialisable != null) {
            return undeserialisable;
        }
        if (record.value() == null) {
            return null;
        }
        try {
            this.projection.validate(record.key(), record.value());
            return null;
        }
        catch (PoisonEventException ex) {
            return ex;
        }
    }
}
