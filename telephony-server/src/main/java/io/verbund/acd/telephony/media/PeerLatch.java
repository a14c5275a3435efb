package io.verbund.acd.telephony.media;

import java.net.InetSocketAddress;

/**
 * Which source a leg takes RTP from: the one peer of the call, never whoever sprays the port range.
 * <ul>
 * <li>Packets from exactly the address the peer's SDP gives ({@code c=}/{@code m=}) are taken, and
 *     the first one locks the leg to that address.</li>
 * <li>A phone behind NAT sends from another address than its SDP says. Only while the latch window
 *     is open (it opens when the peer may start sending: our 183/200, or its 200 to our offer) may
 *     another source win the leg, and only with {@code probationPackets} packets in a row of one
 *     SSRC with consecutive sequence numbers (a spray of stray packets does not qualify). Then the
 *     leg locks to that source, once.</li>
 * <li>Once locked, and once the window has passed, every packet from any other address or port is
 *     {@link Verdict#FOREIGN}: dropped, not relayed, not recorded, not answered, counted.</li>
 * </ul>
 * A new SDP address (a re-INVITE moving the media) starts over; the window opens again at once if
 * the call had already opened it. The SSRC does not lock: RFC 3550 lets a source change it, and
 * gateways do at a transfer; it is the locked source address and port that an attacker off the path
 * cannot send from.
 * <p>
 * Thread rules: {@link #admit} and {@link #target} run on the receive thread (and {@link #target} on
 * the pacer); {@link #expect} and {@link #openWindow} on signalling threads, serialized by the leg.
 * Per packet: a few comparisons, no allocation, no lock; the only allocation is the {@link Lock}
 * published once per lock.
 */
final class PeerLatch {

    /** What becomes of a packet. */
    enum Verdict {
        /** From the peer: handle it. */
        ACCEPT,
        /** From the peer, whose packet locked the leg just now: handle it. */
        LOCKED,
        /** From a source proving itself the NATed peer: dropped (a few packets at the call's start). */
        PROBATION,
        /** From anyone else: dropped and counted. */
        FOREIGN
    }

    /** How a leg came to be locked, for the meters. */
    enum How { SDP, NAT }

    /** The source a leg is locked to, for the epoch (SDP address) it was locked in. */
    record Lock(InetSocketAddress source, int epoch, How how) {
    }

    /** A candidate that stops sending for this long gives way to another (three packet times). */
    private static final long CANDIDATE_SILENCE_NANOS = 60_000_000L;

    private final long windowNanos;
    private final int probationPackets;

    // Written by signalling threads.
    private volatile InetSocketAddress sdp;
    private volatile int epoch;
    private volatile long windowStart;
    private volatile boolean windowOpened;
    private volatile Lock lock;

    // The receive thread's.
    private int seenEpoch;
    private InetSocketAddress candidate;
    private int candidateSsrc;
    private int candidateNext;
    private int candidateCount;
    private long candidateLast;

    PeerLatch(long windowNanos, int probationPackets) {
        this.windowNanos = windowNanos;
        this.probationPackets = Math.max(1, probationPackets);
    }

    /**
     * The peer's SDP address (null on hold or refused). A different address than before starts over;
     * the same one keeps the lock (hold and resume, session refresh).
     */
    void expect(InetSocketAddress address, long now) {
        InetSocketAddress previous = sdp;
        if (address == null || address.equals(previous)) {
            return;
        }
        sdp = address;
        if (windowOpened) {
            windowStart = now;
        }
        epoch++;
    }

    /** The peer may send from now on: while nothing locked the leg, the latch window (re)starts. */
    void openWindow(long now) {
        Lock current = lock;
        if (current == null || current.epoch() != epoch) {
            windowStart = now;
            windowOpened = true;
        }
    }

    /** Where the leg sends: the locked source, else the SDP address. */
    InetSocketAddress target(InetSocketAddress sdpAddress) {
        Lock current = lock;
        return current != null && current.epoch() == epoch ? current.source() : sdpAddress;
    }

    /** The lock in force, or null while the leg still listens for its peer. */
    Lock locked() {
        Lock current = lock;
        return current != null && current.epoch() == epoch ? current : null;
    }

    /** Whether the leg is locked to another source than this one: such a packet is foreign whatever it holds. */
    boolean lockedElsewhere(InetSocketAddress source) {
        Lock current = lock;
        return current != null && current.epoch() == epoch && !current.source().equals(source);
    }

    /** The verdict on a valid RTP packet (parsed, of a negotiated payload type). Receive thread only. */
    Verdict admit(InetSocketAddress source, int ssrc, int sequence, long now) {
        int current = epoch;
        if (current != seenEpoch) {
            seenEpoch = current;
            candidate = null;
        }
        Lock locked = lock;
        if (locked != null && locked.epoch() == current) {
            return locked.source().equals(source) ? Verdict.ACCEPT : Verdict.FOREIGN;
        }
        if (source.equals(sdp)) {
            lock = new Lock(source, current, How.SDP);
            return Verdict.LOCKED;
        }
        long start = windowStart;
        if (!windowOpened || now - start > windowNanos) {
            return Verdict.FOREIGN;
        }
        if (!source.equals(candidate)) {
            if (candidate != null && now - candidateLast < CANDIDATE_SILENCE_NANOS) {
                return Verdict.FOREIGN;
            }
            candidate = source;
            candidateCount = 0;
        }
        if (candidateCount > 0 && ssrc == candidateSsrc && sequence == candidateNext) {
            candidateCount++;
        } else {
            candidateCount = 1;
            candidateSsrc = ssrc;
        }
        candidateNext = (sequence + 1) & 0xFFFF;
        candidateLast = now;
        if (candidateCount >= probationPackets) {
            lock = new Lock(source, current, How.NAT);
            candidate = null;
            return Verdict.LOCKED;
        }
        return Verdict.PROBATION;
    }
}
