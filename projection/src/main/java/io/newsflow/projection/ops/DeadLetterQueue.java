package io.newsflow.projection.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.read.NotFoundException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The operators' view of one dead-letter topic: the records still pending, and replaying or
 * discarding them one by one or all at once. A record stays in the topic; what was done with it is
 * recorded in the service's {@code deadLetters} collection, so it is listed as pending only once.
 * A replayed record goes back to its original topic with its original key and bytes and passes the
 * same version guard as any event, so replaying is always safe.
 */
public class DeadLetterQueue {

    static final String HANDLED = "deadLetters";

    private static final int MAX_SCANNED = 10_000;

    private final String topic;

    private final String bootstrapServers;

    private final KafkaTemplate<Object, Object> template;

    private final MongoTemplate mongo;

    private final Clock clock;

    private final MeterRegistry registry;

    public DeadLetterQueue(String sourceTopic, String bootstrapServers, KafkaTemplate<Object, Object> template,
            MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.topic = Topics.deadLetter(sourceTopic);
        this.bootstrapServers = bootstrapServers;
        this.template = template;
        this.mongo = mongo;
        this.clock = clock;
        this.registry = registry;
        for (Action action : Action.values()) {
            handledCounter(sourceTopic, action);
        }
    }

    private Counter handledCounter(String originalTopic, Action action) {
        return this.registry.counter("newsflow.projection.deadletters.handled", "topic", originalTopic, "action",
                action.name().toLowerCase());
    }

    public String topic() {
        return this.topic;
    }

    /** Pending dead letters, oldest first (at most the first 10,000 records of the topic are scanned). */
    public List<DeadLetter> pending() {
        Set<String> handled = handledIds();
        List<DeadLetter> pending = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : scan()) {
            DeadLetter letter = DeadLetter.of(record);
            if (!handled.contains(letter.id())) {
                pending.add(letter);
            }
        }
        return pending;
    }

    /** Replays or discards one pending dead letter; answers what was done. */
    public DeadLetter act(String id, Action action) {
        for (ConsumerRecord<String, byte[]> record : scan()) {
            DeadLetter letter = DeadLetter.of(record);
            if (letter.id().equals(id)) {
                if (handledIds().contains(id)) {
                    throw new NotFoundException("Dead letter " + id + " was already handled");
                }
                apply(record, letter, action);
                return letter;
            }
        }
        throw new NotFoundException("No dead letter " + id + " in " + this.topic);
    }

    /** Replays or discards every pending dead letter; answers how many. */
    public int actOnAll(Action action) {
        Set<String> handled = handledIds();
        int count = 0;
        for (ConsumerRecord<String, byte[]> record : scan()) {
            DeadLetter letter = DeadLetter.of(record);
            if (!handled.contains(letter.id())) {
                apply(record, letter, action);
                count++;
            }
        }
        return count;
    }

    private void apply(ConsumerRecord<String, byte[]> record, DeadLetter letter, Action action) {
        if (action == Action.REPLAY) {
            replay(record, letter);
        }
        this.mongo.save(new Document("_id", letter.id()).append("action", action.name().toLowerCase())
                .append("at", Date.from(this.clock.instant())).append("key", letter.key()), HANDLED);
        handledCounter(letter.originalTopic(), action).increment();
    }

    private void replay(ConsumerRecord<String, byte[]> record, DeadLetter letter) {
        try {
            this.template.send(new ProducerRecord<>(letter.originalTopic(), record.key(), record.value()))
                    .get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + letter.id(), ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Kafka did not acknowledge the replay of " + letter.id(), ex);
        }
    }

    private Set<String> handledIds() {
        Query query = new Query();
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        this.mongo.find(query, Document.class, HANDLED).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    /** Reads the dead-letter topic from its start to its current end. */
    private List<ConsumerRecord<String, byte[]>> scan() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(this.topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(this.topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < MAX_SCANNED && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        records.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return records;
    }

    /** What an operator does with a dead letter. */
    public enum Action {
        REPLAY, DISCARD;

        public static Action parse(String value) {
            try {
                return Action.valueOf(value.strip().toUpperCase());
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException("action must be replay or discard");
            }
        }
    }

    /**
     * A dead letter as operators see it.
     * @param id {@code partition-offset} in the dead-letter topic
     */
    public record DeadLetter(String id, String key, String originalTopic, Integer originalPartition,
            Long originalOffset, String exception, String message, Instant deadAt) {

        static DeadLetter of(ConsumerRecord<String, byte[]> record) {
            return new DeadLetter(record.partition() + "-" + record.offset(), record.key(),
                    header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                    longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                    header(record, KafkaHeaders.DLT_EXCEPTION_FQCN), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                    Instant.ofEpochMilli(record.timestamp()));
        }

        private static String header(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value().length != 4 ? null
                    : java.nio.ByteBuffer.wrap(header.value()).getInt();
        }

        private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value().length != 8 ? null
                    : java.nio.ByteBuffer.wrap(header.value()).getLong();
        }
    }
}
