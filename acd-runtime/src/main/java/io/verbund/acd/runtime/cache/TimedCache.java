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

    private record Entry<V>(V value, Instant until) {
    }

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

    public void put(K key, V value) {
        if (entries.size() >= sizeLimit) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= 2 * sizeLimit) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(timeToLive)));
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
