package io.verbund.acd.runtime.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values remembered for a fixed time on this node: verified credentials, users behind sessions,
 * configuration rows. Past {@code sizeLimit} entries the expired ones are dropped, and past twice
 * that all of them, so a flood of distinct keys cannot grow it without end. A loader that throws
 * leaves nothing behind, so failures are never remembered.
 */
public final class TimedCache<K, V> {

    /** @param loaded when the value was loaded: how stale it is */
    private record Entry<V>(V value, Instant until, Instant loaded) {
    }

    static final long RETRY_SECONDS = 5;

    /** After a failed load, the stale value is served this long before the next attempt. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(RETRY_SECONDS);

    private final Duration timeToLive;
    private final int sizeLimit;
    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TimedCache(Duration timeToLive, int sizeLimit, Clock clock) {
        this.timeToLive = timeToLive;
        this.sizeLimit = sizeLimit;
        this.clock = clock;
    }

    public Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** The remembered value, or the one {@code load} gives now, remembered from now on. */
    public V get(K key, Function<K, V> load) {
        return get(key).orElseGet(() -> {
            V value = load.apply(key);
            put(key, value);
            return value;
        });
    }

    /**
     * Like {@link #get(Object, Function)}, but when loading fails the value loaded last is used
     * until it is {@code staleFor} older than its time to live, and loading is tried again every
     * {@value #RETRY_SECONDS} s meanwhile: configuration that was read a moment ago keeps working
     * through a database outage. Not for credentials, where a stale answer would be wrong.
     */
    public V getOrStale(K key, Function<K, V> load, Duration staleFor) {
        Entry<V> entry = entries.get(key);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.until())) {
            return entry.value();
        }
        try {
            V value = load.apply(key);
            put(key, value);
            return value;
        } catch (RuntimeException failed) {
            if (entry == null || !now.isBefore(entry.loaded().plus(timeToLive).plus(staleFor))) {
                throw failed;
            }
            entries.put(key, new Entry<>(entry.value(), now.plus(RETRY_AFTER_FAILURE), entry.loaded()));
            return entry.value();
        }
    }

    public void put(K key, V value) {
        if (entries.size() >= sizeLimit) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= 2 * sizeLimit) {
                entries.clear();
            }
        }
        Instant now = clock.instant();
        entries.put(key, new Entry<>(value, now.plus(timeToLive), now));
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
