package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A full post was accepted: the listing fields plus its body, in one record. Ingest no
 * longer publishes it (a later listing row of the post made compaction drop the body): a
 * full post is now a {@link PostListed} and a {@link PostBodyPublished}. Consumers still
 * read it from older logs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostPublished(String eventId, Instant occurredAt, int schemaVersion, String board, long number,
        long revision, String contentHash, String title, String author, Instant postedAt, Integer commentCount,
        String url, String body, String category) implements PostEvent {

    public static final String TYPE = "PostPublished";

    /** A post without a category head. */
    public PostPublished(String eventId, Instant occurredAt, int schemaVersion, String board, long number,
            long revision, String contentHash, String title, String author, Instant postedAt, Integer commentCount,
            String url, String body) {
        this(eventId, occurredAt, schemaVersion, board, number, revision, contentHash, title, author, postedAt,
                commentCount, url, body, null);
    }
}
