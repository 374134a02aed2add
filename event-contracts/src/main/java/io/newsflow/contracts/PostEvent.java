package io.newsflow.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything that happens to a board post, published on {@link Topics#POSTS} keyed by
 * {@code board:number}. A post arrives in two shapes that describe the same key: a row of a board
 * listing ({@link PostListed}) and a full post with its body ({@link PostPublished}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PostListed.class, name = PostListed.TYPE),
        @JsonSubTypes.Type(value = PostPublished.class, name = PostPublished.TYPE),
        @JsonSubTypes.Type(value = PostRemoved.class, name = PostRemoved.TYPE)
})
public sealed interface PostEvent permits PostListed, PostPublished, PostRemoved {

    /** Schema version of the v1 records. */
    int SCHEMA_VERSION = 1;

    String eventId();

    Instant occurredAt();

    int schemaVersion();

    String board();

    long number();

    long revision();

    /** The record key, {@code board:number}. */
    @JsonIgnore
    default String postKey() {
        return new PostKey(board(), number()).toString();
    }
}
