package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A post was seen as a row of a board listing: number, title, author and date, no body. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostListed(
        String eventId,
        Instant occurredAt,
        int schemaVersion,
        String board,
        long number,
        long revision,
        String contentHash,
        String title,
        String author,
        Instant postedAt,
        Integer commentCount,
        String url) implements PostEvent {

    public static final String TYPE = "PostListed";
}
