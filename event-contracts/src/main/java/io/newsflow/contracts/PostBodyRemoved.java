package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of a removed post is gone too: published beside its {@link PostRemoved} (same
 * revision) under the body's key, {@code board:number#body}. Compaction keeps the newest
 * record of each key: when the post is listed again later, the listing row replaces the
 * removal on the post's key, and this record is what still tells a rebuild that the old
 * body was removed. (Added to v1.)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostBodyRemoved(String eventId, Instant occurredAt, int schemaVersion, String board, long number,
        long revision) implements PostEvent {

    public static final String TYPE = "PostBodyRemoved";

    @Override
    @JsonIgnore
    public String recordKey() {
        return postKey() + PostBodyPublished.KEY_SUFFIX;
    }
}
