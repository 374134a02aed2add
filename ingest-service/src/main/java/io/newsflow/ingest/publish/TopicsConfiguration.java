package io.newsflow.ingest.publish;

import java.util.Map;

import io.newsflow.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics ingest publishes to, created when missing. Compacted: the newest event of
 * every key stays, so a read model can always be rebuilt from the start of its topic.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);

    @Bean
    NewTopic articlesTopic(PublishProperties properties) {
        return topic(Topics.ARTICLES, properties);
    }

    @Bean
    NewTopic postsTopic(PublishProperties properties) {
        return topic(Topics.POSTS, properties);
    }

    private static NewTopic topic(String name, PublishProperties properties) {
        return new NewTopic(name, properties.partitions(), properties.replicationFactor()).configs(COMPACTED);
    }

}
