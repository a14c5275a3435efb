package io.verbund.acd.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimedCacheTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

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
            return now;
        }
    }

    @Test
    void loadsOncePerTimeToLive() {
        MovableClock clock = new MovableClock();
        TimedCache<String, Integer> cache = new TimedCache<>(Duration.ofSeconds(30), 100, clock);
        AtomicInteger loads = new AtomicInteger();

        assertThat(cache.get("a", key -> loads.incrementAndGet())).isEqualTo(1);
        clock.now = clock.now.plusSeconds(29);
        assertThat(cache.get("a", key -> loads.incrementAndGet())).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("a", key -> loads.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void aFailedLoadIsNotRemembered() {
        TimedCache<String, Integer> cache = new TimedCache<>(Duration.ofSeconds(30), 100, new MovableClock());
        assertThatThrownBy(() -> cache.get("a", key -> {
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void whileLoadingFailsTheLastValueServesForItsStaleTimeRetriedEveryFewSeconds() {
        MovableClock clock = new MovableClock();
        TimedCache<String, Integer> cache = new TimedCache<>(Duration.ofSeconds(15), 100, clock);
        AtomicInteger attempts = new AtomicInteger();
        java.util.function.Function<String, Integer> down = key -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database down");
        };
        assertThat(cache.getOrStale("a", key -> 7, Duration.ofMinutes(10))).isEqualTo(7);

        clock.now = clock.now.plusSeconds(20);
        assertThat(cache.getOrStale("a", down, Duration.ofMinutes(10))).isEqualTo(7);
        assertThat(cache.getOrStale("a", down, Duration.ofMinutes(10))).as("no new attempt within the retry time").isEqualTo(7);
        assertThat(attempts).hasValue(1);
        clock.now = clock.now.plusSeconds(TimedCache.RETRY_SECONDS);
        assertThat(cache.getOrStale("a", down, Duration.ofMinutes(10))).isEqualTo(7);
        assertThat(attempts).hasValue(2);

        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThatThrownBy(() -> cache.getOrStale("a", down, Duration.ofMinutes(10))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache.getOrStale("b", down, Duration.ofMinutes(10))).as("nothing to serve").isInstanceOf(IllegalStateException.class);
        assertThat(cache.getOrStale("a", key -> 8, Duration.ofMinutes(10))).as("back: loaded afresh").isEqualTo(8);
    }

    @Test
    void staysBoundedUnderAFloodOfKeys() {
        MovableClock clock = new MovableClock();
        TimedCache<Integer, Integer> cache = new TimedCache<>(Duration.ofSeconds(30), 10, clock);
        for (int i = 0; i < 1000; i++) {
            cache.put(i, i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(20);
        clock.now = clock.now.plusSeconds(31);
        cache.put(-1, -1);
        assertThat(cache.get(5)).isEmpty();
        assertThat(cache.get(-1)).contains(-1);
    }
}
