package io.newsflow.ingest.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Stamps each event with a revision, in microseconds since the epoch. Consumers apply an
 * event only when its revision is higher than the stored one. When the client says when
 * the source last changed or was read ({@code modifiedAt}, {@code crawledAt}), that time
 * orders the versions, so an older version sent again never replaces a newer one;
 * otherwise the time of acceptance does, strictly increasing within this process.
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
     * The revision of a version the source dated {@code sourceTime}: its millisecond,
     * with the content deciding between versions of the same millisecond, so that every
     * consumer, in whatever order it reads them, keeps the same one; an exact repeat has
     * the same revision, and is a duplicate. Without a source time, {@link #next}.
     */
    public long of(Instant sourceTime, String contentHash, Instant acceptedAt) {
        if (sourceTime == null) {
            return next(acceptedAt);
        }
        return ChronoUnit.MILLIS.between(Instant.EPOCH, sourceTime) * 1000
                + Math.floorMod(contentHash.hashCode(), 1000);
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
