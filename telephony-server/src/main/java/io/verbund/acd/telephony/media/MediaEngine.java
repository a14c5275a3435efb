package io.verbund.acd.telephony.media;

import io.verbund.acd.telephony.media.srtp.SrtpSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The node's RTP media: the port range, and exactly two threads for any number of legs.
 * <ul>
 * <li>The <b>receive thread</b> ({@code media-receive}) waits in one {@link Selector} on every leg's
 * RTP and RTCP sockets, reads each datagram, relays it to the bridged leg, and feeds DTMF detection
 * and the recording tap through each leg's reorder window; every 10 ms it also gives up on old gaps,
 * times out DTMF events and sends RTCP reports.</li>
 * <li>The <b>pacer</b> ({@code media-pacer}, maximum priority) sends every leg that is not bridged its
 * next 20 ms frame (prompt, music on hold or silence) on a drift-free 20 ms schedule, and every
 * {@link MixingRoom}'s legs their mix.</li>
 * </ul>
 * Callbacks a caller registers (a playback's end, digits) run on the {@code events} executor, one leg's
 * in order, never on these threads; a {@link BridgeTap} runs on the receive thread and must not block.
 * Methods of the engine and of its legs may be called from any thread.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaEngine.class.getName());
    private static final long HOUSEKEEPING_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int MAX_DATAGRAM = 2048;
    private static final int READS_PER_WAKEUP = 32;
    private static final long FOREIGN_LOG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final MediaConfig config;
    private final RtpPorts ports;
    private final Executor events;
    private final ExecutorService ownEvents;
    private final SendJitter sendJitter = new SendJitter();
    private final ConcurrentLinkedQueue<Runnable> receiveTasks = new ConcurrentLinkedQueue<>();
    /** Not copy-on-write: a busy node opens and closes hundreds of legs a second among thousands open. */
    private final Set<RtpLeg> openLegs = ConcurrentHashMap.newKeySet();
    private volatile Selector selector;
    private volatile Pacer pacer;
    private volatile boolean running;
    private Thread receiveThread;
    private Thread pacerThread;
    private volatile long receiveErrors;
    /** Written by the receive thread only. */
    private volatile long foreignPackets;
    private volatile long peersLocked;
    private volatile long srtpRejected;
    private long nextForeignLog;
    private long foreignSinceLog;

    /** The receive thread's reused objects. */
    static final class ReceiveScratch {
        final byte[] datagram = new byte[MAX_DATAGRAM];
        final ByteBuffer datagramBuffer = ByteBuffer.wrap(datagram);
        final RtpPacket received = new RtpPacket();
        final RtpPacket ordered = new RtpPacket();
        final byte[] relay = new byte[MAX_DATAGRAM + SrtpSuite.MAX_TAG_LENGTH];
        final ByteBuffer relayBuffer = ByteBuffer.wrap(relay);
        final byte[] report = new byte[256];
        final ByteBuffer reportBuffer = ByteBuffer.wrap(report);
    }

    /** A socket's owner, attached to its selection key. */
    private record Endpoint(RtpLeg leg, boolean rtcp) {
    }

    private final ReceiveScratch scratch = new ReceiveScratch();
    private final List<RtpLeg> receivingLegs = new ArrayList<>();
    private final Consumer<SelectionKey> onReadable = this::receive;

    /**
     * @param events runs listeners (digits, end of a playback, closing a tap): a managed executor in
     *               the server
     */
    public MediaEngine(MediaConfig config, Executor events) {
        this.config = Objects.requireNonNull(config);
        this.ports = new RtpPorts(config.bindAddress(), config.lowestPort(), config.highestPort());
        this.events = Objects.requireNonNull(events);
        this.ownEvents = null;
    }

    /** An engine with its own single event thread ({@code media-events}), stopped with the engine. */
    public MediaEngine(MediaConfig config) {
        this.config = Objects.requireNonNull(config);
        this.ports = new RtpPorts(config.bindAddress(), config.lowestPort(), config.highestPort());
        this.ownEvents = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "media-events", Thread.NORM_PRIORITY));
        this.events = ownEvents;
    }

    /** Opens the selector and starts the receive thread and the pacer. */
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the media selector", e);
        }
        running = true;
        pacer = new Pacer(sendJitter);
        receiveThread = daemon(this::receiveLoop, "media-receive", Thread.MAX_PRIORITY - 1);
        pacerThread = daemon(pacer, "media-pacer", Thread.MAX_PRIORITY);
        receiveThread.start();
        pacerThread.start();
        LOG.info(() -> "media engine started on " + config.bindAddress().getHostAddress() + " ports "
                + config.lowestPort() + "–" + config.highestPort());
    }

    /** Closes every leg (logging its figures), stops both threads and releases the ports. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        for (RtpLeg leg : openLegs) {
            leg.close();
        }
        running = false;
        pacer.stop();
        selector.wakeup();
        join(pacerThread);
        join(receiveThread);
        runReceiveTasks();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the media selector", e);
        }
        if (ownEvents != null) {
            ownEvents.shutdown();
        }
        LOG.info(() -> "media engine stopped: pacer ticks " + pacer.ticks() + ", late " + pacer.lateTicks()
                + ", skipped " + pacer.skippedTicks() + ", send jitter " + sendJitter.snapshot());
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * A new leg on the next free port pair, idle until negotiated.
     *
     * @param label names the leg in logs: the call id and the side, say
     * @throws MediaPortsExhausted when the port range is used up
     */
    public RtpLeg openLeg(String label) {
        if (!running) {
            throw new IllegalStateException("the media engine is not started");
        }
        RtpPorts.Pair pair = ports.allocate();
        RtpLeg leg = new RtpLeg(this, label, pair, new SerialEvents(events, label));
        openLegs.add(leg);
        onReceiveThread(() -> register(leg));
        pacer.add(leg);
        return leg;
    }

    /**
     * Anchors a call's media between two legs: playback stops on both, and from now on each one's
     * packets go out of the other. Both legs must be open and in no other bridge.
     *
     * @param tap sees every audio payload (the recording); null for none
     */
    public Bridge bridge(RtpLeg caller, RtpLeg agent, BridgeTap tap) {
        if (caller == agent) {
            throw new IllegalArgumentException("a leg cannot be bridged with itself");
        }
        Bridge bridge = new Bridge(this, caller, agent, tap);
        synchronized (RtpLeg.class) {
            if (caller.currentBridge() != null || agent.currentBridge() != null) {
                throw new IllegalStateException("already bridged: " + (caller.currentBridge() != null ? caller : agent).label());
            }
            if (caller.isClosed() || agent.isClosed()) {
                throw new IllegalStateException("a closed leg cannot be bridged");
            }
            if (caller.seat() != null || agent.seat() != null) {
                throw new IllegalStateException("in a mixing room: " + (caller.seat() != null ? caller : agent).label());
            }
            caller.enterBridge(bridge);
            agent.enterBridge(bridge);
        }
        return bridge;
    }

    /**
     * A room that mixes any number of legs, each hearing whom its seat says (conference, listen,
     * whisper, barge); its frames go out on the pacer's schedule. See {@link MixingRoom}.
     *
     * @param tap records the seat {@link MixingRoom#recordAs} names: what it says and what it hears; null for none
     */
    public MixingRoom openRoom(String label, BridgeTap tap) {
        if (!running) {
            throw new IllegalStateException("the media engine is not started");
        }
        MixingRoom room = new MixingRoom(this, label, tap);
        pacer.add(room);
        return room;
    }

    /** Deviation of every send interval from 20 ms, over all legs, since the last reset. */
    public SendJitter.Snapshot sendJitter() {
        return sendJitter.snapshot();
    }

    public void resetSendJitter() {
        sendJitter.reset();
    }

    /**
     * RTP and RTCP packets dropped since the start because they came from another source than their
     * leg's peer (see {@link PeerLatch}): someone spraying the port range, or a peer that moved.
     */
    public long foreignPackets() {
        return foreignPackets;
    }

    /** Legs locked to their peer's source since the start (one per leg, again after the peer moved). */
    public long peersLocked() {
        return peersLocked;
    }

    /** Receive thread only. */
    void peerLocked() {
        peersLocked++;
    }

    /**
     * SRTP and SRTCP packets dropped since the start because their authentication tag was wrong or
     * they were replays: someone injecting into an SRTP call, or a peer whose keys do not match.
     */
    public long srtpRejected() {
        return srtpRejected;
    }

    /** Receive thread only. */
    void countSrtpRejected() {
        srtpRejected++;
    }

    /**
     * A packet a leg dropped as foreign. Counted; logged at most once a second for the whole node (a
     * spray over the port range must not flood the log), naming the call, its tenant and the source.
     * Receive thread only.
     */
    void foreignPacket(RtpLeg leg, InetSocketAddress source, long now) {
        foreignPackets++;
        foreignSinceLog++;
        if (now - nextForeignLog < 0) {
            return;
        }
        nextForeignLog = now + FOREIGN_LOG_NANOS;
        long dropped = foreignSinceLog;
        foreignSinceLog = 0;
        String callId = leg.callId();
        String tenant = leg.tenant();
        Object previousCall = callId == null ? null : MDC.put("callId", callId);
        Object previousTenant = tenant == null ? null : MDC.put("tenant", tenant);
        try {
            LOG.warning(() -> "RTP from a foreign source dropped: " + source.getAddress().getHostAddress() + ":" + source.getPort()
                    + " sent to " + leg.label() + " (port " + leg.localPort() + "), which takes media only from "
                    + leg.lockedSource().or(leg::remoteSdpAddress).map(peer -> peer.getAddress().getHostAddress() + ":" + peer.getPort()).orElse("no peer yet")
                    + "; " + dropped + " foreign packets on this node since the last such line");
        } finally {
            restore("callId", callId, previousCall);
            restore("tenant", tenant, previousTenant);
        }
    }

    private static void restore(String key, String set, Object previous) {
        if (set == null) {
            return;
        }
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    /** Pacer ticks that ran more than a period late, and ticks given up after stalls. */
    public long pacerLateTicks() {
        Pacer current = pacer;
        return current == null ? 0 : current.lateTicks() + current.skippedTicks();
    }

    public int openLegCount() {
        return openLegs.size();
    }

    public int portsInUse() {
        return ports.inUse();
    }

    public MediaConfig config() {
        return config;
    }

    ReceiveScratch scratch() {
        return scratch;
    }

    Executor events() {
        return events;
    }

    /** Runs the task on the receive thread after what it is doing now (at once if stopped). */
    void afterReceiveThread(Runnable task) {
        onReceiveThread(task);
    }

    void closed(RtpLeg leg, RtpPorts.Pair pair) {
        openLegs.remove(leg);
        onReceiveThread(() -> {
            receivingLegs.remove(leg);
            SelectionKey rtpKey = pair.rtp().keyFor(selector);
            SelectionKey rtcpKey = pair.rtcp().keyFor(selector);
            if (rtpKey != null) {
                rtpKey.cancel();
            }
            if (rtcpKey != null) {
                rtcpKey.cancel();
            }
            try {
                if (running) {
                    selector.selectNow();
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "deregistering " + leg.label(), e);
            }
            RtpPorts.closeQuietly(pair.rtp());
            RtpPorts.closeQuietly(pair.rtcp());
            ports.release(pair.rtpPort());
        });
    }

    private void onReceiveThread(Runnable task) {
        receiveTasks.add(task);
        if (running) {
            selector.wakeup();
        } else {
            runReceiveTasks();
        }
    }

    private void runReceiveTasks() {
        synchronized (receiveTasks) {
            runQueuedTasks();
        }
    }

    private void runQueuedTasks() {
        Runnable task;
        while ((task = receiveTasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a media receive task failed", e);
            }
        }
    }

    private void register(RtpLeg leg) {
        if (leg.isClosed()) {
            return;
        }
        try {
            leg.ports().rtp().register(selector, SelectionKey.OP_READ, new Endpoint(leg, false));
            leg.ports().rtcp().register(selector, SelectionKey.OP_READ, new Endpoint(leg, true));
            receivingLegs.add(leg);
        } catch (ClosedChannelException e) {
            LOG.log(Level.FINE, leg.label() + " closed before it could receive", e);
        }
    }

    private void receiveLoop() {
        long nextHousekeeping = System.nanoTime();
        while (running) {
            try {
                selector.select(onReadable, 10);
                runReceiveTasks();
                long now = System.nanoTime();
                if (now - nextHousekeeping >= 0) {
                    nextHousekeeping = now + HOUSEKEEPING_NANOS;
                    for (int i = 0; i < receivingLegs.size(); i++) {
                        receivingLegs.get(i).housekeeping(now, scratch);
                    }
                }
            } catch (IOException | RuntimeException e) {
                receiveErrors++;
                LOG.log(Level.WARNING, "media receive loop", e);
            }
        }
    }

    private void receive(SelectionKey key) {
        Endpoint endpoint = (Endpoint) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        for (int i = 0; i < READS_PER_WAKEUP; i++) {
            ByteBuffer buffer = scratch.datagramBuffer;
            buffer.clear();
            InetSocketAddress source;
            try {
                source = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                receiveErrors++;
                LOG.log(Level.FINE, endpoint.leg().label() + ": receive failed", e);
                return;
            }
            if (source == null) {
                return;
            }
            long now = System.nanoTime();
            try {
                if (endpoint.rtcp()) {
                    endpoint.leg().onRtcp(scratch.datagram, buffer.position(), source, now);
                } else {
                    endpoint.leg().onRtp(scratch.datagram, buffer.position(), source, now, scratch);
                }
            } catch (RuntimeException e) {
                receiveErrors++;
                LOG.log(Level.WARNING, endpoint.leg().label() + ": a received packet could not be handled", e);
            }
        }
    }

    private static Thread daemon(Runnable body, String name, int priority) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.setPriority(priority);
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
