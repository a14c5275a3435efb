package io.verbund.acd.telephony.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small look-up cache whose entries expire, so configuration changes reach the call path within
 * the expiry without a cache-invalidation protocol. Misses (empty results) are cached too: a flood
 * of calls to an unknown number must not become a flood of queries.
 */
final class Expiring<K, V> {

    private record Entry<V>(Optional<V> value, Instant expires) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    Expiring(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<V> get(K key, Function<K, Optional<V>> load) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry == null || now.isAfter(entry.expires())) {
            entry = new Entry<>(load.apply(key), now.plus(ttl));
            entries.put(key, entry);
        }
        return entry.value();
    }

    /** Forgets everything: the next look-up of any key loads it again. */
    void clear() {
        entries.clear();
    }
}
