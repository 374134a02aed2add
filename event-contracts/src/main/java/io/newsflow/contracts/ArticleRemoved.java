package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An article was withdrawn; consumers delete it and ignore older events that arrive
 * later.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleRemoved(String eventId, Instant occurredAt, int schemaVersion, String articleId,
        long revision) implements ArticleEvent {

    public static final String TYPE = "ArticleRemoved";

}
