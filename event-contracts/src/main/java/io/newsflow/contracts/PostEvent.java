package io.newsflow.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything that happens to a board post, published on {@link Topics#POSTS} keyed by
 * {@code board:number}. A post is a row of a board listing ({@link PostListed}), whose
 * newest event gives all its listing fields, and perhaps a body
 * ({@link PostBodyPublished}, keyed {@code board:number#body}), which has its own
 * revision. A removal is a {@link PostRemoved} on the post's key and a
 * {@link PostBodyRemoved} on the body's, so that each key's newest record, which is what
 * compaction keeps, tells what that key's part of the post is. {@link PostPublished},
 * both in one record, is what earlier versions of ingest published; consumers still read
 * it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = PostListed.class, name = PostListed.TYPE),
        @JsonSubTypes.Type(value = PostPublished.class, name = PostPublished.TYPE),
        @JsonSubTypes.Type(value = PostRemoved.class, name = PostRemoved.TYPE),
        @JsonSubTypes.Type(value = PostBodyPublished.class, name = PostBodyPublished.TYPE),
        @JsonSubTypes.Type(value = PostBodyRemoved.class, name = PostBodyRemoved.TYPE) })
public sealed interface PostEvent extends NewsflowEvent
        permits PostListed, PostPublished, PostRemoved, PostBodyPublished, PostBodyRemoved {

    /** Schema version of the v1 records. */
    int SCHEMA_VERSION = 1;

    String board();

    long number();

    /** The post's key, {@code board:number}: its read-model id. */
    @JsonIgnore
    default String postKey() {
        return new PostKey(board(), number()).toString();
    }

    /**
     * The Kafka record key: the post's key, or a key of its own for a field group
     * ({@link PostBodyPublished}).
     */
    @JsonIgnore
    default String recordKey() {
        return postKey();
    }

}
