package io.verbund.acd.runtime.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    /** Keys being loaded by {@link #getOrStale}, and the load the other callers may wait for. */
    private final Map<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();

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
     *
     * <p>One thread loads a key at a time. While it does, the others are served the value it
     * replaces, or, with none (yet) in the range of {@code staleFor}, wait for its load: at 300
     * calls a second, every call that came while a 1000-agent group's settings had just expired
     * loaded them again, and the node's few request threads all sat in the same queries.
     */
    public V getOrStale(K key, Function<K, V> load, Duration staleFor) {
        Entry<V> entry = entries.get(key);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.until())) {
            return entry.value();
        }
        boolean servable = entry != null && now.isBefore(entry.loaded().plus(timeToLive).plus(staleFor));
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return servable ? entry.value() : awaitLoad(running);
        }
        try {
            V value = load.apply(key);
            put(key, value);
            mine.complete(value);
            return value;
        } catch (RuntimeException failed) {
            mine.completeExceptionally(failed);
            if (!servable) {
                throw failed;
            }
            entries.put(key, new Entry<>(entry.value(), now.plus(RETRY_AFTER_FAILURE), entry.loaded()));
            return entry.value();
        } finally {
            loading.remove(key, mine);
        }
    }

    /** The value another thread is loading; its failure is this caller's too. */
    private static <V> V awaitLoad(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
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
