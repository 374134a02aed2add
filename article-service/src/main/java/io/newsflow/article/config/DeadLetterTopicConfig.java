package io.newsflow.article.config;

import io.newsflow.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dead-letter topic of the article topic, created when missing. */
@Configuration(proxyBeanMethods = false)
class DeadLetterTopicConfig {

    @Bean
    NewTopic articlesDeadLetterTopic(@Value("${newsflow.topics.partitions:3}") int partitions,
            @Value("${newsflow.topics.replication-factor:1}") short replicationFactor) {
        return new NewTopic(Topics.deadLetter(Topics.ARTICLES), partitions, replicationFactor);
    }
}
