package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A post was seen as a row of a board listing: number, title, author and date, no body.
 * {@code category} is the board's category head of the post ({@code 뉴스}, {@code 일반}), or
 * null (added in v1 additively: older events have none).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostListed(String eventId, Instant occurredAt, int schemaVersion, String board, long number,
        long revision, String contentHash, String title, String author, Instant postedAt, Integer commentCount,
        String url, String category) implements PostEvent {

    public static final String TYPE = "PostListed";

    /** A post without a category head. */
    public PostListed(String eventId, Instant occurredAt, int schemaVersion, String board, long number, long revision,
            String contentHash, String title, String author, Instant postedAt, Integer commentCount, String url) {
        this(eventId, occurredAt, schemaVersion, board, number, revision, contentHash, title, author, postedAt,
                commentCount, url, null);
    }
}
