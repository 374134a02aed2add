package io.newsflow.projection.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.contracts.Topics;
import io.newsflow.projection.PoisonEventException;
import io.newsflow.projection.Projection;
import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.ReadModelMaintenance;
import io.newsflow.projection.ops.DeadLetterEndpoint;
import io.newsflow.projection.ops.DeadLetterQueue;
import io.newsflow.projection.ops.ReadModelRebuild;
import io.newsflow.projection.ops.RebuildEndpoint;
import io.newsflow.projection.read.ReadApiWebConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What every consumer service gets from this module: ping-based Mongo health, problem
 * details for its read API, and the Kafka error handling that sends poison records to
 * {@code <topic>.DLT}. Active in applications that declare a {@link Projection}.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnBean(Projection.class)
@EnableScheduling
@EnableConfigurationProperties(ProjectionProperties.class)
@Import(ReadApiWebConfiguration.class)
public class ProjectionAutoConfiguration {

    /**
     * Backoff between retries of a batch the store failed: 200 ms doubling up to 10 s,
     * for as long as it fails.
     */
    private static final long INITIAL_INTERVAL_MS = 200;

    private static final long MAX_INTERVAL_MS = 10_000;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    ReadModelMaintenance readModelMaintenance(List<ReadModel> models, MongoTemplate mongo,
            ProjectionProperties properties, Clock clock) {
        return new ReadModelMaintenance(models, mongo, properties, clock);
    }

    @Bean
    @ConditionalOnBean(DeadLetterQueue.class)
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterQueue queue) {
        return new DeadLetterEndpoint(queue);
    }

    @Bean
    @ConditionalOnBean(ReadModelRebuild.class)
    RebuildEndpoint rebuildEndpoint(ReadModelRebuild<?> rebuild) {
        return new RebuildEndpoint(rebuild);
    }

    /**
     * Static membership when {@code newsflow.projection.instance-id} names this instance:
     * each consumer thread joins as {@code <instance-id>-<n>}, so after a crash and
     * restart the coordinator hands the same partitions back at once; without it the
     * group waits out the dead members' session timeout before anyone reads again. Only
     * the listener's consumers get it: the dead-letter and rebuild readers assign
     * partitions themselves and never join the group.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticMembership(
            ProjectionProperties properties) {
        return container -> {
            if (StringUtils.hasText(properties.instanceId())) {
                container.getContainerProperties()
                    .getKafkaConsumerProperties()
                    .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.instanceId());
            }
        };
    }

    /**
     * Poison records (undeserialisable, or {@link PoisonEventException}) go to
     * {@code <topic>.DLT} at once with the standard exception headers; a batch whose
     * write fails is retried with a capped exponential backoff and never dead-lettered,
     * since a store outage says nothing about the records.
     */
    @Bean
    CommonErrorHandler projectionErrorHandler(DeadLetterPublishingRecoverer recoverer) {
        ExponentialBackOff backOff = new ExponentialBackOff(INITIAL_INTERVAL_MS, 2.0);
        backOff.setMaxInterval(MAX_INTERVAL_MS);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    /**
     * Publishes a record to {@code <topic>.DLT} with the standard exception headers,
     * waiting for the acknowledgement.
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublisher(KafkaTemplate<Object, Object> deadLetterTemplate) {
        return new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

    /**
     * Writes dead letters: the original bytes of undeserialisable records, JSON for the
     * others.
     */
    @Bean
    KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties properties) {
        Map<Class<?>, Serializer<?>> serializers = new LinkedHashMap<>();
        serializers.put(byte[].class, new ByteArraySerializer());
        JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>();
        json.setAddTypeInfo(false);
        serializers.put(Object.class, json);
        Map<String, Object> config = properties.buildProducerProperties();
        config.remove("value.serializer");
        config.remove("key.serializer");
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
                new DelegatingByTypeSerializer(
                        Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer()), true),
                new DelegatingByTypeSerializer(serializers, true));
        return new KafkaTemplate<>(factory);
    }

}
