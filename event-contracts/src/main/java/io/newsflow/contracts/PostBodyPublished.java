package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The full text of a post was accepted. Published beside the post's {@link PostListed}
 * (same revision) under a key of its own, {@code board:number#body}, so that log
 * compaction, which keeps the newest record of every key, keeps the newest body of a post
 * even when listing rows of it come later: a read model rebuilt from the compacted topic
 * holds what the live one holds. (Added to v1; a consumer that does not know it
 * dead-letters it, so consumers are deployed first.) {@code articleId} names the article
 * the body carries, when ingest read the post from a page holding a news article (its
 * article event carries the post in turn); null otherwise.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostBodyPublished(String eventId, Instant occurredAt, int schemaVersion, String board, long number,
        long revision, String contentHash, String body,
        @JsonInclude(JsonInclude.Include.NON_NULL) String articleId) implements PostEvent {

    public static final String TYPE = "PostBodyPublished";

    /** What the body's record key adds to the post's key. */
    public static final String KEY_SUFFIX = "#body";

    /** A body that carries no article. */
    public PostBodyPublished(String eventId, Instant occurredAt, int schemaVersion, String board, long number,
            long revision, String contentHash, String body) {
        this(eventId, occurredAt, schemaVersion, board, number, revision, contentHash, body, null);
    }

    @Override
    @JsonIgnore
    public String recordKey() {
        return postKey() + KEY_SUFFIX;
    }
}
