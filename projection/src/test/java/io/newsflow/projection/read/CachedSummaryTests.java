package io.newsflow.projection.read;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachedSummaryTests {

    private final MovableClock clock = new MovableClock();

    private final AtomicInteger computations = new AtomicInteger();

    private final CachedSummary<Integer> summary = new CachedSummary<>(this.computations::incrementAndGet,
            Duration.ofSeconds(10), this.clock);

    @Test
    void isComputedOnceWithinItsMaxAgeAndAgainAfterIt() {
        assertThat(this.summary.get()).isEqualTo(1);
        this.clock.advance(Duration.ofSeconds(9));
        assertThat(this.summary.get()).isEqualTo(1);
        this.clock.advance(Duration.ofSeconds(2));
        assertThat(this.summary.get()).isEqualTo(2);
        assertThat(this.computations).hasValue(2);
    }

    @Test
    void aFailedComputationIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        CachedSummary<Integer> failing = new CachedSummary<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("store away");
            }
            return calls.get();
        }, Duration.ofSeconds(10), this.clock);
        org.assertj.core.api.Assertions.assertThatThrownBy(failing::get).hasMessage("store away");
        assertThat(failing.get()).isEqualTo(2);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2024-07-24T00:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

    }

}
