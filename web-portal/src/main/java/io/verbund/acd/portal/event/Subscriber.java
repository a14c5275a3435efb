package io.verbund.acd.portal.event;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * One open event stream. Events wait in its own queue and are written one at a time, in order, by
 * tasks on a shared executor that never wait for a write to finish: the next write is started when
 * the previous one completes. So a slow or vanished browser holds up neither whoever published the
 * event nor any other stream. A subscriber that falls {@value #BACKLOG_LIMIT} events behind, or
 * whose write has not completed for {@link #STUCK}, is closed: its browser reconnects, is told to
 * {@code resync} and reloads, rather than the node buffering without end. (A benchmark found the
 * earlier version, which waited for each write, wedged when clients vanished mid-write.)
 */
final class Subscriber {

    static final int BACKLOG_LIMIT = 2_000;
    static final Duration STUCK = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());

    private final Viewer viewer;
    private final SseEventSink sink;
    private final Sse sse;
    private final Executor executor;
    private final Queue<OutboundSseEvent> backlog = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile long writeStartedNanos;
    private volatile boolean closed;

    Subscriber(Viewer viewer, SseEventSink sink, Sse sse, Executor executor) {
        this.viewer = viewer;
        this.sink = sink;
        this.sse = sse;
        this.executor = executor;
    }

    Viewer viewer() {
        return viewer;
    }

    boolean isOpen() {
        return !closed && !sink.isClosed();
    }

    /** Whether a write has been under way for longer than {@link #STUCK}: the client is gone. */
    boolean isStuck(long nowNanos) {
        long started = writeStartedNanos;
        return started != 0 && nowNanos - started > STUCK.toNanos();
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
        backlog.clear();
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
            LOG.warning(() -> "event stream of " + viewer.caller().login() + " fell " + BACKLOG_LIMIT + " events behind and is closed");
            close();
            return;
        }
        backlog.add(event);
        startWriting();
    }

    private void startWriting() {
        if (!backlog.isEmpty() && writing.compareAndSet(false, true)) {
            executor.execute(this::writeNext);
        }
    }

    /** Starts the next write and returns; its completion schedules the one after. */
    private void writeNext() {
        OutboundSseEvent next = backlog.poll();
        if (next == null || closed || sink.isClosed()) {
            writing.set(false);
            if (next != null) {
                close();
            } else {
                startWriting();
            }
            return;
        }
        queued.decrementAndGet();
        writeStartedNanos = System.nanoTime();
        try {
            sink.send(next).whenComplete((sent, failure) -> {
                writeStartedNanos = 0;
                if (failure != null) {
                    LOG.fine(() -> "event stream of " + viewer.caller().login() + " ended: " + failure);
                    writing.set(false);
                    close();
                } else {
                    executor.execute(this::writeNext);
                }
            });
        } catch (RuntimeException gone) {
            writeStartedNanos = 0;
            writing.set(false);
            close();
        }
    }
}
