package io.newsflow.contracts;

import java.time.Instant;

/**
 * What every event of every topic carries: its id, when it occurred, the version of its
 * record and the revision that orders the events of its entity.
 */
public interface NewsflowEvent {

    String eventId();

    Instant occurredAt();

    int schemaVersion();

    long revision();

}
