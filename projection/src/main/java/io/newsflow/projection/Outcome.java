package io.newsflow.projection;

/**
 * What one batch did to the read model.
 *
 * @param applied events that created or changed a document
 * @param removed removals that replaced a document by a tombstone
 * @param duplicate events whose content was already stored (repeats)
 * @param stale events older than what was stored (late arrivals), including ones
 * superseded in the same batch
 */
public record Outcome(int applied, int removed, int duplicate, int stale) {

    public static final Outcome NONE = new Outcome(0, 0, 0, 0);

    public Outcome plus(Outcome other) {
        return new Outcome(this.applied + other.applied, this.removed + other.removed, this.duplicate + other.duplicate,
                this.stale + other.stale);
    }
}
