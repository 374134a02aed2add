package io.newsflow.ingest.publish;

import io.newsflow.contracts.NewsflowEvent;

/** An event on its way to Kafka: topic, record key and the event record. */
public record OutgoingEvent(String topic, String key, NewsflowEvent event) {
}
