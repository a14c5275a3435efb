package io.verbund.acd.runtime.callcontrol;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

/**
 * Asks the node that holds a call to hang it up: the portal {@link #hangUp}s by call id; every
 * node's telephony server {@link #watch}es, and the one holding the call ends it and
 * {@link #done}s the command. A command nobody claims expires after {@link #LIFESPAN_SECONDS}.
 * Watchers run on Infinispan's notification thread: they must hand the work to another thread
 * (writing a cache from there fails in WildFly).
 */
@ApplicationScoped
@Listener(observation = Listener.Observation.POST)
public class CallCommands {

    static final long LIFESPAN_SECONDS = 60;
    private static final String HANG_UP = "HANGUP";
    private static final Logger LOG = Logger.getLogger(CallCommands.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/acd/commands")
    private Cache<String, String> cache;

    private final List<BiConsumer<String, String>> hangUpWatchers = new CopyOnWriteArrayList<>();
    private volatile boolean listening;

    /** @param by who asks, for the call's record and the log */
    public void hangUp(String callId, String by) {
        cache.put(callId, HANG_UP + "|" + by, LIFESPAN_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code onHangUp(callId, by)} on this node for every hang-up asked for on any node. */
    public void watch(BiConsumer<String, String> onHangUp) {
        hangUpWatchers.add(onHangUp);
        if (!listening) {
            synchronized (this) {
                if (!listening) {
                    cache.addListener(this);
                    listening = true;
                }
            }
        }
    }

    public void stopWatching(BiConsumer<String, String> onHangUp) {
        hangUpWatchers.remove(onHangUp);
    }

    /** The command was carried out: other nodes need not look at it again. */
    public void done(String callId) {
        cache.remove(callId);
    }

    @CacheEntryCreated
    @CacheEntryModified
    public void asked(CacheEntryEvent<String, String> event) {
        String value = event.getValue();
        if (event.isPre() || value == null || !value.startsWith(HANG_UP + "|")) {
            return;
        }
        String by = value.substring(HANG_UP.length() + 1);
        for (BiConsumer<String, String> watcher : hangUpWatchers) {
            try {
                watcher.accept(event.getKey(), by);
            } catch (RuntimeException e) {
                LOG.warning(() -> "a call command watcher failed: " + e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (listening) {
            cache.removeListener(this);
        }
    }
}
