package io.newsflow.projection.ops;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ops.DeadLetter.Position;
import io.newsflow.projection.ops.DeadLetterReader.Positions;
import io.newsflow.service.web.InvalidFieldException;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The operators' view of one dead-letter topic, at any size: the records still pending,
 * page by page, and replaying or discarding them one by one or all at once. A record
 * stays in the topic; what was done with it is kept by its position. Pending counts the
 * records the topic holds now that no operator handled, whatever aged out of the topic's
 * retention before.
 *
 * <p>
 * Three parts do the work: a {@link DeadLetterReader} (Kafka: positions, pages and their
 * cursors, one letter, a pass over all), {@link HandledLetters} (MongoDB: what was done,
 * counted by range, forgotten by an explicit clean-up) and a {@link DeadLetterReplayer}
 * (applying through the version guard, metrics). A replay is not sent back to the source
 * topic: a record appended there after newer records of its key would be the one log
 * compaction keeps, and a rebuild would bring the older state back.
 *
 * @param <E> the event type
 */
public class DeadLetterQueue<E> {

    /** The most a page lists; a page that asks for more gets this many. */
    static final int MAX_PAGE = DeadLetterReader.MAX_PAGE;

    private final String topic;

    private final DeadLetterReader<E> reader;

    private final HandledLetters handled;

    private final DeadLetterReplayer<E> replayer;

    public DeadLetterQueue(String sourceTopic, ConsumerFactory<String, E> consumers, ProjectionWriter<E> writer,
            MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.topic = Topics.deadLetter(sourceTopic);
        this.reader = new DeadLetterReader<>(this.topic, consumers);
        this.handled = new HandledLetters(mongo);
        this.handled.ensureIndex();
        this.replayer = new DeadLetterReplayer<>(sourceTopic, this.reader, this.handled, writer, clock, registry);
    }

    public String topic() {
        return this.topic;
    }

    /**
     * Up to {@code limit} pending dead letters from where {@code cursor} points (the
     * topic's start when {@code null}), partition by partition, and the cursor of the
     * next page ({@code null} at the end).
     */
    public Page pending(String cursor, int limit) {
        return this.reader.pending(cursor, limit, this.handled);
    }

    /**
     * How many records the topic holds now, and how many of them no operator has replayed
     * or discarded.
     */
    public Counts counts() {
        Positions positions = this.reader.positions();
        return counts(positions.start(), positions.end());
    }

    /**
     * The counts for the topic's partitions starting and ending where the caller read
     * them (by partition). Reads only: nothing is forgotten here.
     */
    public Counts counts(Map<Integer, Long> start, Map<Integer, Long> end) {
        long held = 0;
        for (Map.Entry<Integer, Long> partition : end.entrySet()) {
            held += partition.getValue() - start.getOrDefault(partition.getKey(), 0L);
        }
        return new Counts(held, held - this.handled.countWithin(start, end));
    }

    /**
     * Replays or discards one pending dead letter ({@code partition-offset}); answers
     * what was done.
     * @throws NoSuchDeadLetterException when the topic does not hold it or it was handled
     * @throws DeadLetterTopicUnavailableException when the topic cannot be read now
     */
    public Handled act(String id, Action action) {
        Position position = Position.parse(id);
        if (this.handled.contains(position)) {
            throw new NoSuchDeadLetterException("Dead letter " + id + " was already handled");
        }
        return this.reader.read(position)
            .map(record -> new Handled(DeadLetter.of(record), this.replayer.act(record, action)))
            .orElseThrow(() -> new NoSuchDeadLetterException("No dead letter " + id + " in " + this.topic));
    }

    /**
     * Replays or discards every pending dead letter in one pass over the topic; answers
     * how many of each outcome. What aged out of the topic is forgotten first.
     */
    public Map<String, Integer> actOnAll(Action action) {
        forgetAgedOut();
        return this.replayer.actOnAll(action);
    }

    /**
     * Forgets what was done with letters the topic no longer holds (aged out of its
     * retention); answers how many.
     */
    public long forgetAgedOut() {
        return this.handled.forgetBefore(this.reader.positions().start());
    }

    /** What an operator does with a dead letter. */
    public enum Action {

        REPLAY, DISCARD;

        public static Action parse(String value) {
            try {
                return Action.valueOf(value.strip().toUpperCase(Locale.ROOT));
            }
            catch (RuntimeException ex) {
                throw new InvalidFieldException("action", "must be replay or discard");
            }
        }

    }

    /**
     * One page of pending dead letters.
     *
     * @param nextCursor pass as {@code cursor} for the next page; {@code null} when none
     * is left
     */
    public record Page(List<DeadLetter> records, String nextCursor) {
    }

    /** The records a dead-letter topic holds, and those pending an operator. */
    public record Counts(long held, long pending) {
    }

    /** What an operator's action did to a dead letter. */
    public record Handled(DeadLetter letter, String outcome) {
    }

    /** A dead letter the topic does not hold, or one already handled. */
    public static class NoSuchDeadLetterException extends RuntimeException {

        NoSuchDeadLetterException(String message) {
            super(message);
        }

    }

}
