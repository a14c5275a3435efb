package io.verbund.acd.portal.event;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import io.verbund.acd.runtime.concurrent.SerialExecutor;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * One open event stream. Events are written in order by a {@link SerialExecutor} on a shared
 * executor, so a slow browser never holds up whoever published the event. A subscriber that falls
 * {@value #BACKLOG_LIMIT} events behind is closed: its browser reconnects, is told to
 * {@code resync} and reloads, rather than the node buffering without end.
 */
final class Subscriber {

    static final int BACKLOG_LIMIT = 2_000;
    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());

    private final Viewer viewer;
    private final SseEventSink sink;
    private final Sse sse;
    private final SerialExecutor writer;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closed;

    Subscriber(Viewer viewer, SseEventSink sink, Sse sse, Executor executor) {
        this.viewer = viewer;
        this.sink = sink;
        this.sse = sse;
        this.writer = new SerialExecutor(executor);
    }

    Viewer viewer() {
        return viewer;
    }

    boolean isOpen() {
        return !closed && !sink.isClosed();
    }

    void deliver(PortalEvent event) {
        if (viewer.sees(event)) {
            enqueue(sse.newEventBuilder().id(event.id()).name(event.name()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, event.data()).build());
        }
    }

    void resync(String id, String reason) {
        enqueue(sse.newEventBuilder().id(id).name("resync").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, "{\"reason\":\"" + reason + "\"}").build());
    }

    void hello(String id, String node, long sequence) {
        enqueue(sse.newEventBuilder().id(id).name("hello").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, "{\"node\":\"" + node + "\",\"sequence\":" + sequence + "}").build());
    }

    /** A comment line: keeps proxies from closing a quiet stream, and finds browsers that left. */
    void keepAlive() {
        enqueue(sse.newEventBuilder().comment("keep-alive").build());
    }

    void close() {
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.fine(() -> "closing an event stream failed: " + e);
        }
    }

    private void enqueue(OutboundSseEvent event) {
        if (!isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > BACKLOG_LIMIT) {
            closed = true;
            LOG.warning(() -> "event stream of " + viewer.caller().login() + " fell " + BACKLOG_LIMIT + " events behind and is closed");
            writer.execute(this::close);
            return;
        }
        writer.execute(() -> send(event));
    }

    private void send(OutboundSseEvent event) {
        queued.decrementAndGet();
        if (closed || sink.isClosed()) {
            closed = true;
            return;
        }
        try {
            sink.send(event).toCompletableFuture().join();
        } catch (RuntimeException gone) {
            LOG.fine(() -> "event stream of " + viewer.caller().login() + " ended: " + gone);
            closed = true;
        }
    }
}
