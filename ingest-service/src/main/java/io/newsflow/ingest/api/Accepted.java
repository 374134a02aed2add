package io.newsflow.ingest.api;

/**
 * The answer to an accepted write: the kind of entity and its key, already acknowledged
 * by Kafka.
 *
 * @param kind {@code article} or {@code post}
 * @param id the article id, or {@code board:number} for a post
 */
public record Accepted(String kind, String id) {

    public static Accepted article(String id) {
        return new Accepted("article", id);
    }

    public static Accepted post(String key) {
        return new Accepted("post", key);
    }
}
