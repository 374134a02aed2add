package io.newsflow.projection;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a consumer service projects the events of one topic onto documents of one
 * collection: what each event changes ({@link Change}), which fields form groups with
 * revisions of their own, and which events are poison. The {@link ProjectionWriter}
 * applies the changes with the version guard.
 *
 * @param <E> the event type of the topic
 */
public interface Projection<E> {

    /**
     * What the event does to its document; may be costly (search tokens), called once per
     * event.
     */
    Change change(E event);

    /**
     * The main fields a removal clears (field groups are cleared by their own
     * definition).
     */
    List<String> contentFields();

    /**
     * Fields with a revision of their own, for fields not every event of the entity
     * carries (a board post's body comes with its own event, never with a listing row). A
     * group is written only when its change is newer than the group's stored revision,
     * whatever the document's.
     */
    default List<FieldGroup> fieldGroups() {
        return List.of();
    }

    /** When ingest accepted the event: the start of its freshness. */
    Instant acceptedAt(E event);

    /**
     * Checks that the event can ever be applied under the record key it came with.
     * @throws PoisonEventException when it cannot; the record then goes to the
     * dead-letter topic
     */
    void validate(String key, E event);

    /**
     * The fields {@code change} writes that a removal would leave behind: a removal
     * clears the {@link #contentFields()} and every field group, so for a live tombstone
     * to equal a rebuilt one this must be empty for every event. A projection's tests
     * check it over sample events.
     */
    static Set<String> fieldsARemovalLeaves(Projection<?> projection, Change change) {
        Set<String> cleared = new HashSet<>(projection.contentFields());
        projection.fieldGroups().forEach(group -> cleared.addAll(group.fields()));
        Set<String> written = new TreeSet<>();
        if (change instanceof Change.Replace replace) {
            written.addAll(replace.fields().keySet());
            replace.groups().values().forEach(values -> written.addAll(values.keySet()));
        }
        else if (change instanceof Change.Groups groups) {
            groups.groups().values().forEach(values -> written.addAll(values.keySet()));
        }
        written.removeAll(cleared);
        return written;
    }

    /**
     * A group of fields with a revision of its own.
     *
     * @param revisionField the document field that holds the group's revision
     * @param fields the group's fields
     */
    record FieldGroup(String revisionField, List<String> fields) {
    }

}
