package io.newsflow.ingest.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Stamps each event with a revision: microseconds since the epoch at acceptance, strictly
 * increasing within this process. Consumers apply an event only when its revision is
 * higher than the stored one, so a later acceptance of an entity always wins over an
 * earlier one.
 */
@Component
public class RevisionClock {

    private final Clock clock;

    private final AtomicLong last = new AtomicLong();

    public RevisionClock(Clock clock) {
        this.clock = clock;
    }

    /** The acceptance time of an event, at microsecond precision. */
    public Instant now() {
        return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A revision for an event accepted at {@code acceptedAt}, higher than every one
     * issued before.
     */
    public long next(Instant acceptedAt) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, acceptedAt);
        return this.last.updateAndGet(previous -> Math.max(previous + 1, micros));
    }

}
