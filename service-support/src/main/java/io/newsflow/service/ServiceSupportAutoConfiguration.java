package io.newsflow.service;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every newsflow service gets: a {@code kafka} health indicator (part of the
 * readiness group in each service's configuration).
 */
@AutoConfiguration
public class ServiceSupportAutoConfiguration {

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka,
            @Value("${newsflow.health.kafka-timeout:3s}") Duration timeout) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties(), timeout);
    }

}
