package io.newsflow.projection.read;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A summary over a whole collection (outlets with their counts, boards with theirs)
 * computed at most once per {@code maxAge}, however many clients ask: a public request
 * never costs a scan of the collection of its own. Concurrent callers of an expired
 * summary wait for one computation.
 *
 * @param <T> the summary
 */
public final class CachedSummary<T> {

    private final Supplier<T> computation;

    private final Duration maxAge;

    private final Clock clock;

    private volatile Computed<T> computed;

    public CachedSummary(Supplier<T> computation, Duration maxAge, Clock clock) {
        this.computation = computation;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public T get() {
        Computed<T> current = this.computed;
        if (isFresh(current)) {
            return current.value();
        }
        synchronized (this) {
            current = this.computed;
            if (!isFresh(current)) {
                current = new Computed<>(this.computation.get(), this.clock.instant());
                this.computed = current;
            }
            return current.value();
        }
    }

    private boolean isFresh(Computed<T> computed) {
        return computed != null && computed.at().plus(this.maxAge).isAfter(this.clock.instant());
    }

    private record Computed<T>(T value, Instant at) {
    }

}
