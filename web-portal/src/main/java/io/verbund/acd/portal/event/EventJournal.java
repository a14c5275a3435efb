package io.verbund.acd.portal.event;

import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * This node's event streams, one per tenant: a sequence number without gaps, the last
 * {@value #REPLAY_DEPTH} events for browsers that reconnect, and the open subscribers. A browser
 * that reconnects with a {@code Last-Event-ID} of this node still in the buffer gets what it
 * missed; one from another node, or too old, is told to {@code resync}. Events that happened on
 * this node are also fired (asynchronously) as CDI events, for webhooks.
 */
@ApplicationScoped
public class EventJournal {

    static final int REPLAY_DEPTH = 2_000;
    static final long KEEP_ALIVE_SECONDS = 20;
    private static final Logger LOG = Logger.getLogger(EventJournal.class.getName());

    @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
    private ManagedExecutorService executor;
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Event<PortalEvent> published;

    private final String node = System.getProperty("jboss.node.name", "node");
    private final Map<TenantKey, TenantStream> streams = new ConcurrentHashMap<>();
    private ScheduledFuture<?> keepAlive;

    private static final class TenantStream {
        long sequence;
        final Deque<PortalEvent> recent = new ArrayDeque<>();
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    }

    @PostConstruct
    void start() {
        keepAlive = scheduler.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        streams.values().forEach(stream -> stream.subscribers.forEach(Subscriber::close));
    }

    /** An event that happened on this node (a request here, a timer here). */
    public void publish(TenantKey tenant, String name, Audience audience, String data) {
        publish(tenant, name, audience, data, true);
    }

    /** @param local whether it happened on this node rather than arriving from another through a cache */
    public void publish(TenantKey tenant, String name, Audience audience, String data, boolean local) {
        TenantStream stream = streams.computeIfAbsent(tenant, key -> new TenantStream());
        PortalEvent event;
        synchronized (stream) {
            stream.sequence++;
            event = new PortalEvent(node + ":" + stream.sequence, stream.sequence, tenant, name, audience, data, local);
            stream.recent.addLast(event);
            if (stream.recent.size() > REPLAY_DEPTH) {
                stream.recent.removeFirst();
            }
            // Delivered under the stream's lock, so every subscriber queues events in sequence order.
            for (Subscriber subscriber : stream.subscribers) {
                subscriber.deliver(event);
            }
        }
        if (local) {
            published.fireAsync(event);
        }
    }

    /** The same event for every tenant that has a stream here (platform alarms). */
    public void publishToAll(String name, Audience audience, String data) {
        for (TenantKey tenant : new ArrayList<>(streams.keySet())) {
            publish(tenant, name, audience, data);
        }
    }

    /** Opens a stream for the viewer, first replaying or asking to resync after {@code lastEventId}. */
    public void subscribe(Viewer viewer, SseEventSink sink, Sse sse, String lastEventId) {
        TenantKey tenant = viewer.caller().tenant();
        TenantStream stream = streams.computeIfAbsent(tenant, key -> new TenantStream());
        Subscriber subscriber = new Subscriber(viewer, sink, sse, executor);
        synchronized (stream) {
            String current = node + ":" + stream.sequence;
            Long resumeAfter = resumePoint(lastEventId);
            if (lastEventId == null || lastEventId.isBlank()) {
                subscriber.hello(current, node, stream.sequence);
            } else if (resumeAfter == null || !replayable(stream, resumeAfter)) {
                subscriber.resync(current, resumeAfter == null ? "the stream was on another node" : "too many events were missed");
            } else {
                stream.recent.stream().filter(event -> event.sequence() > resumeAfter).forEach(subscriber::deliver);
            }
            stream.subscribers.add(subscriber);
        }
        LOG.fine(() -> "event stream opened for " + viewer.caller() + " (" + stream.subscribers.size() + " in " + tenant + ")");
    }

    /** Open streams on this node, for health and benchmarks. */
    public int subscribers() {
        return streams.values().stream().mapToInt(stream -> stream.subscribers.size()).sum();
    }

    private Long resumePoint(String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        int colon = lastEventId.lastIndexOf(':');
        if (colon < 0 || !lastEventId.substring(0, colon).equals(node)) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean replayable(TenantStream stream, long after) {
        if (after > stream.sequence) {
            return false;
        }
        PortalEvent oldest = stream.recent.peekFirst();
        return oldest == null ? after == stream.sequence : oldest.sequence() <= after + 1;
    }

    private void keepAlive() {
        long now = System.nanoTime();
        for (TenantStream stream : streams.values()) {
            stream.subscribers.removeIf(subscriber -> {
                if (subscriber.isStuck(now)) {
                    LOG.info(() -> "event stream of " + subscriber.viewer().caller().login() + " stuck in a write; closed");
                    subscriber.close();
                }
                return !subscriber.isOpen();
            });
            stream.subscribers.forEach(Subscriber::keepAlive);
        }
    }
}
