package io.newsflow.projection;

import java.util.Map;

import org.bson.Document;

/**
 * What one event does to its entity's document, as a {@link Projection} states it. Every
 * kind is last-writer-wins on a revision, so the result of a set of events does not
 * depend on the order in which they are applied: a read model rebuilt from a compacted
 * topic, where only the newest event of each key is left and keys of one entity sit on
 * different partitions, holds what the live model holds.
 */
public sealed interface Change {

    /** The document id. */
    String id();

    /** Orders the changes of one id (and of one field group). */
    long revision();

    /**
     * The entity as the event gives it: its main fields are replaced (a field the event
     * does not have is cleared, since the newest event is what compaction keeps), under
     * the document's revision; each field group given is written under its own revision.
     *
     * @param contentHash tells a repeat of the stored content from a revision of it
     * @param fields the main fields, without {@code _id}, revision and content hash
     * @param groups values of field groups, by the group's revision field
     */
    record Replace(String id, long revision, String contentHash, Document fields,
            Map<String, Document> groups) implements Change {

        public Replace(String id, long revision, String contentHash, Document fields) {
            this(id, revision, contentHash, fields, Map.of());
        }
    }

    /**
     * The entity is removed: the document becomes a tombstone (main fields cleared) under
     * the document's revision, and every field group is cleared under its own revision,
     * so an older event of either, arriving later, cannot bring anything back.
     */
    record Remove(String id, long revision) implements Change {
    }

    /**
     * Only field groups are written, each under its own revision (a post's body,
     * published under a record key of its own); the main fields and the document's
     * revision stay as they are.
     */
    record Groups(String id, long revision, Map<String, Document> groups) implements Change {
    }

}
