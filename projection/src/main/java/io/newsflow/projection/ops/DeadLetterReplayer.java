package io.newsflow.projection.ops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ProjectionWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Replays or discards dead letters. A replay applies a record now, read with the
 * service's own deserializer and rule for poison, through the same version guard as every
 * event (so replaying is always safe, in any order); a record that still cannot be
 * applied is left pending. What was done is recorded in {@link HandledLetters} and
 * counted ({@code newsflow.projection.deadletters.handled}). A replay of all reads the
 * topic once and writes each poll's records as one batch.
 *
 * @param <E> the event type
 */
final class DeadLetterReplayer<E> {

    static final String REPLAYED = "replayed";

    static final String DISCARDED = "discarded";

    static final String LEFT_PENDING = "still cannot be applied; left pending";

    private final DeadLetterReader<E> reader;

    private final HandledLetters handled;

    private final ProjectionWriter<E> writer;

    private final Clock clock;

    private final Map<DeadLetterQueue.Action, Counter> counters = new LinkedHashMap<>();

    DeadLetterReplayer(String sourceTopic, DeadLetterReader<E> reader, HandledLetters handled,
            ProjectionWriter<E> writer, Clock clock, MeterRegistry registry) {
        this.reader = reader;
        this.handled = handled;
        this.writer = writer;
        this.clock = clock;
        for (DeadLetterQueue.Action action : DeadLetterQueue.Action.values()) {
            this.counters.put(action, registry.counter("newsflow.projection.deadletters.handled", "topic", sourceTopic,
                    "action", action.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Acts on one record; answers the outcome. */
    String act(ConsumerRecord<String, E> record, DeadLetterQueue.Action action) {
        Map<String, Integer> outcomes = act(List.of(record), action);
        return outcomes.keySet().iterator().next();
    }

    /** Acts on every pending letter of the topic, in one pass; answers the outcomes. */
    Map<String, Integer> actOnAll(DeadLetterQueue.Action action) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        this.reader.eachPending(this.handled,
                batch -> act(batch, action).forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum)));
        return outcomes;
    }

    private Map<String, Integer> act(List<ConsumerRecord<String, E>> records, DeadLetterQueue.Action action) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<DeadLetter> done = new ArrayList<>();
        List<E> events = new ArrayList<>();
        for (ConsumerRecord<String, E> record : records) {
            if (action == DeadLetterQueue.Action.REPLAY
                    && (record.value() == null || !ProjectionListener.isApplicable(record, this.writer.projection()))) {
                outcomes.merge(LEFT_PENDING, 1, Integer::sum);
                continue;
            }
            if (action == DeadLetterQueue.Action.REPLAY) {
                events.add(record.value());
            }
            done.add(DeadLetter.of(record));
        }
        if (!events.isEmpty()) {
            // the version guard makes one batch of them the same as one by one
            this.writer.write(events);
        }
        this.handled.record(done, action.name(), this.clock.instant());
        if (!done.isEmpty()) {
            this.counters.get(action).increment(done.size());
            outcomes.merge(action == DeadLetterQueue.Action.REPLAY ? REPLAYED : DISCARDED, done.size(), Integer::sum);
        }
        return outcomes;
    }

}
