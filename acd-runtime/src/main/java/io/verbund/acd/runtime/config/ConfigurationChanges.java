package io.verbund.acd.runtime.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * The cluster-wide signal "configuration changed", carried by one key of the replicated cache
 * {@code config}: whoever commits a change {@link #announce}s it; every node's watchers run when
 * the write reaches it. Watchers run on Infinispan's notification thread and must only drop
 * local state there, never write to a cache (that fails in WildFly).
 */
@ApplicationScoped
@Listener(observation = Listener.Observation.POST)
public class ConfigurationChanges {

    static final String KEY = "changed";
    private static final Logger LOG = Logger.getLogger(ConfigurationChanges.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/acd/config")
    private Cache<String, String> cache;

    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private volatile boolean listening;

    /** Called after the change committed; {@code what} names it for the log, e.g. {@code demo group 12}. */
    public void announce(String what) {
        cache.put(KEY, Instant.now() + " " + what);
    }

    /** Runs {@code onChange} on this node after every announced change, from any node. */
    public void watch(Runnable onChange) {
        watchers.add(onChange);
        if (!listening) {
            synchronized (this) {
                if (!listening) {
                    cache.addListener(this);
                    listening = true;
                }
            }
        }
    }

    public void stopWatching(Runnable onChange) {
        watchers.remove(onChange);
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void changed(CacheEntryEvent<String, String> event) {
        if (!KEY.equals(event.getKey()) || event.isPre()) {
            return;
        }
        LOG.fine(() -> "configuration changed: " + event.getValue());
        for (Runnable watcher : watchers) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                LOG.warning(() -> "a configuration watcher failed: " + e);
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (listening) {
            cache.removeListener(this);
        }
    }
}
