package io.newsflow.projection.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ProjectionListener;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.RecordHeaders;
import io.newsflow.projection.read.NotFoundException;
import io.newsflow.service.web.InvalidFieldException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The operators' view of one dead-letter topic, at any size: the records still pending,
 * page by page (a cursor of positions in the topic), and replaying or discarding them one
 * by one or all at once. A record stays in the topic; what was done with it is recorded
 * in the service's {@code deadLetters} collection by its position. Pending counts the
 * records the topic holds now that no operator handled, whatever aged out of the topic's
 * retention before.
 *
 * <p>
 * A replay applies the record now, read with the service's own deserializer and rule for
 * poison, through the same version guard as every event, so replaying is always safe. It
 * is not sent back to the source topic: a record appended there after newer records of
 * its key would be the one log compaction keeps, and a rebuild would bring the older
 * state back.
 *
 * @param <E> the event type
 */
public class DeadLetterQueue<E> {

    static final String HANDLED = "deadLetters";

    /** The most a page lists; a page that asks for more gets this many. */
    static final int MAX_PAGE = 1000;

    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(30);

    private final String sourceTopic;

    private final String topic;

    private final ConsumerFactory<String, E> consumers;

    private final ProjectionWriter<E> writer;

    private final MongoTemplate mongo;

    private final Clock clock;

    private final MeterRegistry registry;

    public DeadLetterQueue(String sourceTopic, ConsumerFactory<String, E> consumers, ProjectionWriter<E> writer,
            MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.sourceTopic = sourceTopic;
        this.topic = Topics.deadLetter(sourceTopic);
        this.consumers = consumers;
        this.writer = writer;
        this.mongo = mongo;
        this.clock = clock;
        this.registry = registry;
        for (Action action : Action.values()) {
            handledCounter(action);
        }
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
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        Map<Integer, Long> from = Cursors.decode(cursor);
        try (Consumer<String, E> consumer = consumer()) {
            Positions positions = Positions.of(consumer, this.topic);
            Set<String> handled = handledIds();
            List<DeadLetter> letters = new ArrayList<>();
            Map<Integer, Long> next = new LinkedHashMap<>(positions.start());
            next.putAll(from);
            for (TopicPartition partition : positions.partitions()) {
                long position = Math.max(next.get(partition.partition()), positions.start().get(partition.partition()));
                long end = positions.end().get(partition.partition());
                consumer.assign(List.of(partition));
                consumer.seek(partition, position);
                while (letters.size() < size && position < end) {
                    for (ConsumerRecord<String, E> record : poll(consumer)) {
                        if (letters.size() == size) {
                            break;
                        }
                        position = record.offset() + 1;
                        DeadLetter letter = DeadLetter.of(record);
                        if (!handled.contains(letter.id())) {
                            letters.add(letter);
                        }
                    }
                }
                next.put(partition.partition(), position);
                if (letters.size() == size) {
                    break;
                }
            }
            boolean more = positions.partitions()
                .stream()
                .anyMatch(partition -> next.get(partition.partition()) < positions.end().get(partition.partition()));
            return new Page(letters, more ? Cursors.encode(next) : null);
        }
    }

    /**
     * How many records the topic holds now, and how many of them no operator has replayed
     * or discarded.
     */
    public Counts counts() {
        try (Consumer<String, E> consumer = consumer()) {
            Positions positions = Positions.of(consumer, this.topic);
            return counts(positions.start(), positions.end());
        }
    }

    /**
     * The counts for the topic's partitions starting and ending where the caller read
     * them (by partition).
     */
    public Counts counts(Map<Integer, Long> start, Map<Integer, Long> end) {
        long held = 0;
        for (Map.Entry<Integer, Long> partition : end.entrySet()) {
            held += partition.getValue() - start.getOrDefault(partition.getKey(), 0L);
        }
        return new Counts(held, held - handledWithin(start, end));
    }

    /**
     * Replays or discards one pending dead letter ({@code partition-offset}); answers
     * what was done.
     */
    public Handled act(String id, Action action) {
        Position position = Position.parse(id);
        if (handledIds().contains(id)) {
            throw new NotFoundException("Dead letter " + id + " was already handled");
        }
        try (Consumer<String, E> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(this.topic, position.partition());
            if (consumer.partitionsFor(this.topic, Duration.ofSeconds(10))
                .stream()
                .noneMatch(info -> info.partition() == position.partition())) {
                throw new NotFoundException("No dead letter " + id + " in " + this.topic);
            }
            consumer.assign(List.of(partition));
            // an offset the partition does not hold is answered at once, not after a scan
            long first = consumer.beginningOffsets(List.of(partition)).getOrDefault(partition, 0L);
            long end = consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
            if (position.offset() < first || position.offset() >= end) {
                throw new NotFoundException("No dead letter " + id + " in " + this.topic);
            }
            consumer.seek(partition, position.offset());
            for (ConsumerRecord<String, E> record : poll(consumer)) {
                if (record.offset() == position.offset()) {
                    return apply(record, action);
                }
            }
        }
        catch (IllegalStateException | org.apache.kafka.common.KafkaException ex) {
            throw new NotFoundException("No dead letter " + id + " in " + this.topic);
        }
        throw new NotFoundException("No dead letter " + id + " in " + this.topic);
    }

    /**
     * Replays or discards every pending dead letter, page by page; answers how many of
     * each outcome.
     */
    public Map<String, Integer> actOnAll(Action action) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        String cursor = null;
        do {
            Page page = pending(cursor, MAX_PAGE);
            for (DeadLetter letter : page.records()) {
                outcomes.merge(act(letter.id(), action).outcome(), 1, Integer::sum);
            }
            cursor = page.nextCursor();
        }
        while (cursor != null);
        return outcomes;
    }

    private Handled apply(ConsumerRecord<String, E> record, Action action) {
        DeadLetter letter = DeadLetter.of(record);
        if (action == Action.REPLAY) {
            if (record.value() == null || !ProjectionListener.isApplicable(record, this.writer.projection())) {
                return new Handled(letter, "still cannot be applied; left pending");
            }
            this.writer.write(List.of(record.value()));
        }
        this.mongo.save(new Document("_id", letter.id()).append("partition", record.partition())
            .append("offset", record.offset())
            .append("action", action.name().toLowerCase(Locale.ROOT))
            .append("at", java.util.Date.from(this.clock.instant()))
            .append("key", letter.key()), HANDLED);
        handledCounter(action).increment();
        return new Handled(letter, action == Action.REPLAY ? "replayed" : "discarded");
    }

    private Counter handledCounter(Action action) {
        return this.registry.counter("newsflow.projection.deadletters.handled", "topic", this.sourceTopic, "action",
                action.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Handled records still held by the topic; handled records the topic no longer holds
     * are forgotten.
     */
    private long handledWithin(Map<Integer, Long> starts, Map<Integer, Long> ends) {
        long within = 0;
        for (Document handled : this.mongo.findAll(Document.class, HANDLED)) {
            Position position = Position.parse(handled.getString("_id"));
            Long start = starts.get(position.partition());
            Long end = ends.get(position.partition());
            if (start != null && end != null && position.offset() >= start && position.offset() < end) {
                within++;
            }
            else if (start != null && position.offset() < start) {
                this.mongo.remove(Query.query(Criteria.where("_id").is(handled.getString("_id"))), HANDLED);
            }
        }
        return within;
    }

    private Set<String> handledIds() {
        Query query = new Query();
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        this.mongo.find(query, Document.class, HANDLED).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private Consumer<String, E> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_PAGE));
        return this.consumers.createConsumer(this.topic + "-operators", "deadletters", null, overrides);
    }

    private static <E> List<ConsumerRecord<String, E>> poll(Consumer<String, E> consumer) {
        List<ConsumerRecord<String, E>> records = new ArrayList<>();
        long deadline = System.nanoTime() + SCAN_TIMEOUT.toNanos();
        while (records.isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
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

    /**
     * A dead letter as operators see it.
     *
     * @param id {@code partition-offset} in the dead-letter topic
     */
    public record DeadLetter(String id, String key, String originalTopic, Integer originalPartition,
            Long originalOffset, String exception, String message, Instant deadAt) {

        static DeadLetter of(ConsumerRecord<String, ?> record) {
            return new DeadLetter(record.partition() + "-" + record.offset(), record.key(),
                    header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                    intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                    longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                    header(record, KafkaHeaders.DLT_EXCEPTION_FQCN), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                    Instant.ofEpochMilli(record.timestamp()));
        }

        private static String header(ConsumerRecord<?, ?> record, String name) {
            return RecordHeaders.text(record.headers(), name);
        }

        private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value().length != 4 ? null : ByteBuffer.wrap(header.value()).getInt();
        }

        private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value().length != 8 ? null : ByteBuffer.wrap(header.value()).getLong();
        }
    }

    /** A record's place in the dead-letter topic, written {@code partition-offset}. */
    private record Position(int partition, long offset) {

        static Position parse(String id) {
            try {
                int dash = id.indexOf('-');
                return new Position(Integer.parseInt(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
            }
            catch (RuntimeException ex) {
                throw new InvalidFieldException("id", "must be a dead letter's partition-offset, such as 0-17");
            }
        }
    }

    /** Where each partition of the topic starts and ends now. */
    private record Positions(List<TopicPartition> partitions, Map<Integer, Long> start, Map<Integer, Long> end) {

        static Positions of(Consumer<?, ?> consumer, String topic) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
            Map<Integer, Long> start = new LinkedHashMap<>();
            Map<Integer, Long> end = new LinkedHashMap<>();
            consumer.beginningOffsets(partitions)
                .forEach((partition, offset) -> start.put(partition.partition(), offset));
            consumer.endOffsets(partitions).forEach((partition, offset) -> end.put(partition.partition(), offset));
            return new Positions(partitions, start, end);
        }
    }

    /** Page cursors: the next position of each partition, opaque to operators. */
    private static final class Cursors {

        private Cursors() {
        }

        static String encode(Map<Integer, Long> positions) {
            StringBuilder text = new StringBuilder();
            positions.forEach((partition,
                    offset) -> text.append(text.isEmpty() ? "" : ",").append(partition).append(':').append(offset));
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Map<Integer, Long> decode(String cursor) {
            Map<Integer, Long> positions = new LinkedHashMap<>();
            if (cursor == null || cursor.isBlank()) {
                return positions;
            }
            try {
                for (String position : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(",")) {
                    String[] parts = position.split(":");
                    positions.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
                }
                return positions;
            }
            catch (RuntimeException ex) {
                throw new InvalidFieldException("cursor", "is not a cursor this endpoint returned");
            }
        }

    }

}
