package io.newsflow.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes raw JSON to a topic and reads raw records back, as a producer or operator
 * outside the services would: for tests of consumers, including records no service would
 * ever write. Events go to one partition unless a test names another, so their order is
 * the order they are sent in.
 */
public final class RawTopics implements AutoCloseable {

    public static final int DEFAULT_PARTITION = 0;

    private static RawTopics shared;

    private final String bootstrapServers;

    private final KafkaProducer<String, String> producer;

    public RawTopics(Infrastructure infrastructure) {
        this(infrastructure.kafkaBootstrapServers());
    }

    /** On the broker at {@code bootstrapServers}, such as one a test restarts. */
    public RawTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** The one instance on the JVM's embedded broker, closed when the JVM exits. */
    public static synchronized RawTopics shared() {
        if (shared == null) {
            EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.shared();
            shared = new RawTopics(infrastructure);
            infrastructure.beforeStop(shared::close);
        }
        return shared;
    }

    /** Sends and waits for the acknowledgement. */
    public void send(String topic, String key, String json) {
        send(topic, key, json, List.of());
    }

    /** Sends with {@code headers} and waits for the acknowledgement. */
    public void send(String topic, String key, String json, Iterable<Header> headers) {
        try {
            this.producer.send(new ProducerRecord<>(topic, DEFAULT_PARTITION, key, json, headers)).get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Kafka did not acknowledge the test record", ex.getCause());
        }
    }

    /**
     * A consumer of the topic from its start, in a group of its own; close it after use.
     */
    public KafkaConsumer<String, String> reader(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * How many records the topic holds over all partitions (the sum of its end offsets).
     */
    public long size(String topic) {
        try (KafkaConsumer<String, String> consumer = withoutGroup()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * The newest value of each of {@code keys} in the topic as it is now, read from its
     * start: what a producer last published for them.
     */
    public Map<String, String> newestValues(String topic, Collection<String> keys) {
        Map<String, String> newest = new HashMap<>();
        readToTheEnd(topic, record -> {
            if (keys.contains(record.key())) {
                newest.put(record.key(), record.value());
            }
        });
        return newest;
    }

    /** Every record of the topic, from its start to its end now. */
    public List<ConsumerRecord<String, String>> records(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        readToTheEnd(topic, records::add);
        return records;
    }

    /**
     * How many records of the topic, from its start to its end now, have a key
     * {@code keys} accepts.
     */
    public long recordsOf(String topic, Predicate<String> keys) {
        long[] count = { 0 };
        readToTheEnd(topic, record -> count[0] += record.key() != null && keys.test(record.key()) ? 1 : 0);
        return count[0];
    }

    /**
     * Hands every record of the topic, from its start to its end now, to {@code each}.
     */
    private void readToTheEnd(String topic, Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = withoutGroup()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    private KafkaConsumer<String, String> withoutGroup() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** What one poll of {@code consumer} returns within {@code timeout}. */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        return records;
    }

    @Override
    public void close() {
        this.producer.close();
    }

}
