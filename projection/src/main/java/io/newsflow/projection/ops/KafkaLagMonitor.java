package io.newsflow.projection.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.newsflow.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gauges an operator reads before anything else, refreshed every few seconds from the
 * cluster: the consumer group's lag per partition (end offset minus committed offset, so
 * it counts what is not yet stored), and the records held and still pending in the
 * dead-letter topic.
 */
public class KafkaLagMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaLagMonitor.class);

    private static final long TIMEOUT_MS = 5000;

    private final Admin admin;

    private final String groupId;

    private final String topic;

    private final String deadLetterTopic;

    private final DeadLetterQueue<?> deadLetterQueue;

    private final MultiGauge lag;

    private final MultiGauge deadLetters;

    public KafkaLagMonitor(Map<String, Object> adminProperties, String groupId, String topic,
            DeadLetterQueue<?> deadLetterQueue, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(adminProperties);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        this.admin = Admin.create(config);
        this.groupId = groupId;
        this.topic = topic;
        this.deadLetterTopic = Topics.deadLetter(topic);
        this.deadLetterQueue = deadLetterQueue;
        this.lag = MultiGauge.builder("newsflow.consumer.lag")
            .description("Records of the topic not yet stored by the consumer group, per partition")
            .baseUnit("records")
            .register(registry);
        this.deadLetters = MultiGauge.builder("newsflow.deadletters")
            .description("Records in the dead-letter topic: held, and pending an operator's replay or discard")
            .baseUnit("records")
            .register(registry);
    }

    @Scheduled(fixedDelayString = "${newsflow.projection.lag-refresh-interval:5s}")
    public void refresh() {
        try {
            refreshLag();
            refreshDeadLetters();
        }
        catch (Exception ex) {
            log.debug("Could not read offsets for the lag gauges: {}", ex.toString());
        }
    }

    private void refreshLag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(this.groupId)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> end = offsets(this.topic, OffsetSpec.latest());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        end.forEach((partition, endOffset) -> {
            OffsetAndMetadata position = committed.get(partition);
            long lagged = endOffset - (position == null ? 0 : position.offset());
            rows.add(MultiGauge.Row.of(Tags.of("topic", this.topic, "partition", String.valueOf(partition.partition())),
                    Math.max(0, lagged)));
        });
        this.lag.register(rows, true);
    }

    /**
     * Held: what the topic holds now; pending: what of that no operator handled (not held
     * minus handled ever).
     */
    private void refreshDeadLetters() throws Exception {
        Map<Integer, Long> start = new HashMap<>();
        Map<Integer, Long> end = new HashMap<>();
        offsets(this.deadLetterTopic, OffsetSpec.earliest()).forEach((p, offset) -> start.put(p.partition(), offset));
        offsets(this.deadLetterTopic, OffsetSpec.latest()).forEach((p, offset) -> end.put(p.partition(), offset));
        DeadLetterQueue.Counts counts = this.deadLetterQueue.counts(start, end);
        this.deadLetters
            .register(List.of(MultiGauge.Row.of(Tags.of("topic", this.deadLetterTopic, "state", "held"), counts.held()),
                    MultiGauge.Row.of(Tags.of("topic", this.deadLetterTopic, "state", "pending"), counts.pending())),
                    true);
    }

    private Map<TopicPartition, Long> offsets(String topic, OffsetSpec spec) throws Exception {
        var description = this.admin.describeTopics(List.of(topic))
            .allTopicNames()
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .get(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = this.admin.listOffsets(request)
            .all()
            .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        this.admin.close(Duration.ofSeconds(2));
    }

}
