package io.verbund.acd.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void whileOneThreadReloadsAnExpiredValueTheOthersAreServedTheOldOneWithoutLoading() throws Exception {
        MovableClock clock = new MovableClock();
        TimedCache<String, Integer> cache = new TimedCache<>(Duration.ofSeconds(15), 100, clock);
        assertThat(cache.getOrStale("group", key -> 1, Duration.ofMinutes(10))).isEqualTo(1);
        clock.now = clock.now.plusSeconds(16);
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        ExecutorService reloader = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reloaded = reloader.submit(() -> cache.getOrStale("group", key -> {
                loads.incrementAndGet();
                reloading.countDown();
                await(release);
                return 2;
            }, Duration.ofMinutes(10)));
            await(reloading);

            for (int call = 0; call < 50; call++) {
                assertThat(cache.getOrStale("group", key -> loads.incrementAndGet() + 100, Duration.ofMinutes(10))).isEqualTo(1);
            }
            assertThat(loads).as("only the reloading thread loaded").hasValue(1);

            release.countDown();
            assertThat(reloaded.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(cache.getOrStale("group", key -> 99, Duration.ofMinutes(10))).isEqualTo(2);
        } finally {
            release.countDown();
            reloader.shutdownNow();
        }
    }

    @Test
    void callersOfAKeyNotYetLoadedWaitForTheOneLoadAndShareItsFailure() throws Exception {
        TimedCache<String, Integer> cache = new TimedCache<>(Duration.ofSeconds(15), 100, new MovableClock());
        CountDownLatch loadingStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = callers.submit(() -> cache.getOrStale("group", key -> {
                loads.incrementAndGet();
                loadingStarted.countDown();
                await(release);
                throw new IllegalStateException("database down");
            }, Duration.ofMinutes(10)));
            await(loadingStarted);
            List<Future<Integer>> waiting = new ArrayList<>();
            for (int call = 0; call < 3; call++) {
                waiting.add(callers.submit(() -> cache.getOrStale("group", key -> loads.incrementAndGet() + 100, Duration.ofMinutes(10))));
            }
            release.countDown();

            for (Future<Integer> caller : waiting) {
                // Either it joined the failing load, or it came after it and loaded afresh: never a second concurrent load.
                try {
                    assertThat(caller.get(5, TimeUnit.SECONDS)).isGreaterThan(100);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("database down");
                }
            }
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(loads.get()).as("one load while the first ran, at most one after it").isBetween(1, 2);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
