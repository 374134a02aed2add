package io.newsflow.projection;

import java.util.Set;

/**
 * Told of the entities a write of the {@link ProjectionWriter} touched, once the write
 * returned and before the caller moves the batch's offsets on: a read model derived from
 * the projected one (article-service's stories) learns of every change at least once,
 * whether it came live, from a rebuild or from a replayed dead letter. Throwing fails the
 * write, so the batch is retried.
 */
@FunctionalInterface
public interface WriteListener {

    /**
     * @param collection the collection written to (a rebuild's shadow collection, too)
     * @param ids the ids of the documents the write touched, whatever the guard decided
     */
    void written(String collection, Set<String> ids);

}
