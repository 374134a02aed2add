package io.newsflow.projection.ops;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.newsflow.projection.ops.DeadLetter.Position;
import io.newsflow.service.web.InvalidFieldException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads one dead-letter topic for operators, each call with a consumer of its own (no
 * group, no commits): where its partitions start and end, a page of the letters still
 * pending from a cursor, one letter by its position, and every pending letter in one pass
 * for a replay of all. A broker that cannot be reached is a
 * {@link DeadLetterTopicUnavailableException}, never taken for a missing letter.
 *
 * @param <E> the event type
 */
final class DeadLetterReader<E> {

    /** The most a page lists, and the records one poll may bring. */
    static final int MAX_PAGE = 1000;

    private static final Duration POLL = Duration.ofMillis(500);

    /** How long a record the topic's offsets say is there may take to arrive. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final String topic;

    private final ConsumerFactory<String, E> consumers;

    DeadLetterReader(String topic, ConsumerFactory<String, E> consumers) {
        this.topic = topic;
        this.consumers = consumers;
    }

    /** What takes the pending records of a topic, a batch at a time. */
    @FunctionalInterface
    interface Batches<E> {

        void accept(List<ConsumerRecord<String, E>> batch);

    }

    /** Where each partition of the topic starts and ends now. */
    record Positions(List<TopicPartition> partitions, Map<Integer, Long> start, Map<Integer, Long> end) {
    }

    Positions positions() {
        try (Consumer<String, E> consumer = consumer()) {
            return positions(consumer);
        }
        catch (KafkaException ex) {
            throw unavailable(ex);
        }
    }

    /**
     * Up to {@code limit} letters from where {@code cursor} points (the topic's start
     * when {@code null}) that {@code handled} does not name, partition by partition.
     */
    DeadLetterQueue.Page pending(String cursor, int limit, HandledLetters handled) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        Map<Integer, Long> from = Cursors.decode(cursor);
        try (Consumer<String, E> consumer = consumer()) {
            Positions positions = positions(consumer);
            List<DeadLetter> letters = new ArrayList<>();
            Map<Integer, Long> next = new LinkedHashMap<>(positions.start());
            from.forEach(
                    (partition, offset) -> next.computeIfPresent(partition, (p, start) -> Math.max(start, offset)));
            for (TopicPartition partition : positions.partitions()) {
                long position = next.get(partition.partition());
                long end = positions.end().get(partition.partition());
                if (position >= end) {
                    continue;
                }
                Set<Long> done = handled.offsets(partition.partition(), position);
                consumer.assign(List.of(partition));
                consumer.seek(partition, position);
                while (letters.size() < size && position < end) {
                    for (ConsumerRecord<String, E> record : poll(consumer)) {
                        if (letters.size() == size || record.offset() >= end) {
                            break;
                        }
                        position = record.offset() + 1;
                        if (!done.contains(record.offset())) {
                            letters.add(DeadLetter.of(record));
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
            return new DeadLetterQueue.Page(letters, more ? Cursors.encode(next) : null);
        }
        catch (KafkaException ex) {
            throw unavailable(ex);
        }
    }

    /**
     * The record at {@code position}, or empty when the topic does not hold it (a
     * partition it does not have, an offset before its start or past its end: answered
     * from the offsets at once, never after a scan).
     */
    Optional<ConsumerRecord<String, E>> read(Position position) {
        try (Consumer<String, E> consumer = consumer()) {
            Positions positions = positions(consumer);
            Long first = positions.start().get(position.partition());
            Long end = positions.end().get(position.partition());
            if (first == null || position.offset() < first || position.offset() >= end) {
                return Optional.empty();
            }
            TopicPartition partition = new TopicPartition(this.topic, position.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, position.offset());
            for (ConsumerRecord<String, E> record : poll(consumer)) {
                if (record.offset() == position.offset()) {
                    return Optional.of(record);
                }
                if (record.offset() > position.offset()) {
                    // compacted or a transaction marker: the topic does not hold it
                    return Optional.empty();
                }
            }
            throw new DeadLetterTopicUnavailableException("The dead letter " + position.id() + " of " + this.topic
                    + " did not arrive within " + FETCH_TIMEOUT.toSeconds() + " s although the topic holds its offset",
                    null);
        }
        catch (KafkaException ex) {
            throw unavailable(ex);
        }
    }

    /**
     * Every record the topic holds now that {@code handled} does not name, in batches of
     * at most a poll's, through one consumer: a replay of all reads the topic once.
     */
    void eachPending(HandledLetters handled, Batches<E> batches) {
        try (Consumer<String, E> consumer = consumer()) {
            Positions positions = positions(consumer);
            for (TopicPartition partition : positions.partitions()) {
                long position = positions.start().get(partition.partition());
                long end = positions.end().get(partition.partition());
                if (position >= end) {
                    continue;
                }
                Set<Long> done = handled.offsets(partition.partition(), position);
                consumer.assign(List.of(partition));
                consumer.seek(partition, position);
                while (position < end) {
                    List<ConsumerRecord<String, E>> batch = new ArrayList<>();
                    List<ConsumerRecord<String, E>> polled = poll(consumer);
                    if (polled.isEmpty()) {
                        throw new DeadLetterTopicUnavailableException("Reading " + partition + " stopped at offset "
                                + position + " of " + end + " for " + FETCH_TIMEOUT.toSeconds() + " s", null);
                    }
                    for (ConsumerRecord<String, E> record : polled) {
                        if (record.offset() >= end) {
                            position = end;
                            break;
                        }
                        position = record.offset() + 1;
                        if (!done.contains(record.offset())) {
                            batch.add(record);
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.accept(batch);
                    }
                }
            }
        }
        catch (KafkaException ex) {
            throw unavailable(ex);
        }
    }

    private Positions positions(Consumer<String, E> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(this.topic, METADATA_TIMEOUT)
            .stream()
            .map(info -> new TopicPartition(this.topic, info.partition()))
            .sorted(Comparator.comparingInt(TopicPartition::partition))
            .toList();
        Map<Integer, Long> start = new LinkedHashMap<>();
        Map<Integer, Long> end = new LinkedHashMap<>();
        consumer.beginningOffsets(partitions, METADATA_TIMEOUT)
            .forEach((partition, offset) -> start.put(partition.partition(), offset));
        consumer.endOffsets(partitions, METADATA_TIMEOUT)
            .forEach((partition, offset) -> end.put(partition.partition(), offset));
        return new Positions(partitions, start, end);
    }

    private Consumer<String, E> consumer() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_PAGE));
        return this.consumers.createConsumer(this.topic + "-operators", "deadletters", null, overrides);
    }

    private static <E> List<ConsumerRecord<String, E>> poll(Consumer<String, E> consumer) {
        List<ConsumerRecord<String, E>> records = new ArrayList<>();
        long deadline = System.nanoTime() + FETCH_TIMEOUT.toNanos();
        while (records.isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
    }

    private DeadLetterTopicUnavailableException unavailable(KafkaException ex) {
        return new DeadLetterTopicUnavailableException(
                "The dead-letter topic " + this.topic + " cannot be read now: " + ex.getMessage(), ex);
    }

    /** Page cursors: the next position of each partition, opaque to operators. */
    static final class Cursors {

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
