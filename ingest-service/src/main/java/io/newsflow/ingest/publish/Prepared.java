package io.newsflow.ingest.publish;

import java.util.List;

/**
 * What one accepted item publishes: the id the client gets back and its events (one, or a
 * full post's listing row and its body). The item is accepted only when Kafka
 * acknowledged all of them.
 */
public record Prepared(String id, List<OutgoingEvent> events) {

    public Prepared {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an item publishes at least one event");
        }
    }

    public static Prepared of(OutgoingEvent event) {
        return new Prepared(event.key(), List.of(event));
    }
}
