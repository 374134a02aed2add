package io.newsflow.projection;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

/**
 * How a consumer service projects its events onto documents of one collection. The
 * {@link ProjectionWriter} adds the version guard; a projection only says what an event means.
 *
 * @param <E> the event type of the topic
 */
public interface Projection<E> {

    /** The document id, which is also the Kafka record key. */
    String id(E event);

    /** Orders the events of one id: only a higher revision than the stored one changes a document. */
    long revision(E event);

    /** Whether the event deletes its entity (the document is replaced by a tombstone). */
    boolean removes(E event);

    /** When ingest accepted the event: the start of its freshness. */
    Instant acceptedAt(E event);

    /** Hash of the content, so a repeat of the same content is told from a revision; unused for removals. */
    String contentHash(E event);

    /** The fields a non-removal event sets, without {@code _id}, revision and content hash. */
    Document fields(E event);

    /** The fields a removal clears. */
    List<String> contentFields();

    /**
     * Fields guarded by a revision of their own, for fields that not every event of the entity
     * carries (a board post's body comes only with the full post, never with a listing row). Each
     * group is written only when the event is newer than the group's stored revision, whatever the
     * document's revision: a newer event without the field never erases it, an older one with it
     * fills it in.
     */
    default List<FieldGroup> fieldGroups(E event) {
        return List.of();
    }

    /** The revision fields of every field group this projection can write (see {@link #fieldGroups}). */
    default List<String> fieldGroupRevisionFields() {
        return List.of();
    }

    /**
     * A group of fields with their own revision field.
     * @param revisionField the document field that holds the group's revision
     * @param fields the values to set
     * @param revisionOf the revision of the event that brought the values (set by the writer)
     */
    record FieldGroup(String revisionField, Document fields, long revisionOf) {

        public FieldGroup(String revisionField, Document fields) {
            this(revisionField, fields, 0);
        }

        FieldGroup withRevision(long revision) {
            return new FieldGroup(this.revisionField, this.fields, revision);
        }
    }

    /**
     * Checks that the event can ever be applied.
     * @throws PoisonEventException when it cannot; the record then goes to the dead-letter topic
     */
    void validate(String key, E event);
}
