package io.verbund.acd.runtime.cache;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryExpired;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryRemoved;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * A node-local, decoded copy of a replicated cache of encoded strings, kept current by the cache's
 * own events (a replicated cache applies every write on every node, so local events see them all).
 * The distributor reads every agent of a group on each pass, hundreds of times a second; through
 * the cache API that is a lookup and a decode each, here a map read. Writes still go to the cache,
 * and decisions are still made by conditional writes there: a read that is a moment behind only
 * costs a failed compare-and-set.
 *
 * <p>The listener is synchronous, so this node's own writes are visible here when the write returns.
 * Close the mirror when the deployment goes away: the cache outlives it.
 */
@Listener(observation = Listener.Observation.POST)
public final class CacheMirror<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CacheMirror.class.getName());

    private final Cache<String, String> cache;
    private final Function<String, V> decode;
    private final ConcurrentHashMap<String, V> values = new ConcurrentHashMap<>();
    private final Changes<V> changes;
    private final List<Changes<V>> watchers = new CopyOnWriteArrayList<>();

    /**
     * Told of every change this mirror applies, on the writer's thread (synchronous listener):
     * hand anything slow to another thread, and never write to a cache from here.
     */
    @FunctionalInterface
    public interface Changes<V> {
        /**
         * @param before      the value before, or null
         * @param after       the value now, or null when removed
         * @param originLocal whether the write was made on this node (each change is local on exactly one node)
         */
        void changed(String key, V before, V after, boolean originLocal);
    }

    private CacheMirror(Cache<String, String> cache, Function<String, V> decode, Changes<V> changes) {
        this.cache = cache;
        this.decode = decode;
        this.changes = changes;
    }

    /** Starts listening, then copies what the cache holds; an event seen first wins over the copy. */
    public static <V> CacheMirror<V> of(Cache<String, String> cache, Function<String, V> decode) {
        return of(cache, decode, (key, before, after, local) -> { });
    }

    /** As {@link #of(Cache, Function)}, telling {@code changes} of every later change. */
    public static <V> CacheMirror<V> of(Cache<String, String> cache, Function<String, V> decode, Changes<V> changes) {
        CacheMirror<V> mirror = new CacheMirror<>(cache, decode, changes);
        cache.addListener(mirror);
        cache.forEach((key, value) -> mirror.decoded(value).ifPresent(decoded -> mirror.values.putIfAbsent(key, decoded)));
        return mirror;
    }

    /**
     * Tells {@code watcher} of every later change too, on the writer's thread (see {@link Changes}):
     * for parts that start after the mirror, such as a node's distribution thread.
     */
    public void watch(Changes<V> watcher) {
        watchers.add(watcher);
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Collection<V> values() {
        return values.values();
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void written(CacheEntryEvent<String, String> event) {
        String value = event.getValue();
        Optional<V> now = value == null ? Optional.empty() : decoded(value);
        V before = now.isPresent() ? values.put(event.getKey(), now.get()) : values.remove(event.getKey());
        tell(event.getKey(), before, now.orElse(null), event.isOriginLocal());
    }

    @CacheEntryRemoved
    @CacheEntryExpired
    public void removed(CacheEntryEvent<String, String> event) {
        V before = values.remove(event.getKey());
        if (before != null) {
            tell(event.getKey(), before, null, event.isOriginLocal());
        }
    }

    private void tell(String key, V before, V after, boolean originLocal) {
        tell(changes, key, before, after, originLocal);
        for (Changes<V> watcher : watchers) {
            tell(watcher, key, before, after, originLocal);
        }
    }

    private static <V> void tell(Changes<V> listener, String key, V before, V after, boolean originLocal) {
        try {
            listener.changed(key, before, after, originLocal);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a cache change listener failed: " + e);
        }
    }

    /** A value this version cannot read (written by a newer node) is left out rather than breaking the listener. */
    private Optional<V> decoded(String value) {
        try {
            return Optional.of(decode.apply(value));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cache value not understood, left out of the local view: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        cache.removeListener(this);
    }
}
