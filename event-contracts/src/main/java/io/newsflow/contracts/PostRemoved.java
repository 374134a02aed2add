package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A post was deleted from its board; consumers delete it and ignore older events that
 * arrive later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostRemoved(String eventId, Instant occurredAt, int schemaVersion, String board, long number,
        long revision) implements PostEvent {

    public static final String TYPE = "PostRemoved";

}
