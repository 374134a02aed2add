package io.newsflow.ingest.publish;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ingest publishes.
 *
 * @param timeout how long a request waits for the broker's acknowledgements before it
 * answers 503
 * @param retryAfter what a 503 tells the client to wait before it retries
 * @param partitions partitions of the topics ingest creates when they are missing
 * @param replicationFactor replication factor of those topics
 */
@Validated
@ConfigurationProperties("newsflow.publish")
public record PublishProperties(@DefaultValue("5s") @NotNull Duration timeout,
        @DefaultValue("5s") @NotNull Duration retryAfter, @DefaultValue("3") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicationFactor) {
}
