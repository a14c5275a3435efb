package io.verbund.acd.telephony.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The node's RTP port range: even ports for RTP, the odd one above each for RTCP (RFC 3550 §11),
 * bound on the configured address. A freed pair goes to the back of the line, so a port is reused
 * only after every other free one has been, and late packets of a finished call do not reach the next
 * one. A port another process holds is skipped (and tried again later).
 */
public final class RtpPorts {

    /** A bound RTP/RTCP pair, non-blocking, ready for a selector. */
    public record Pair(int rtpPort, DatagramChannel rtp, DatagramChannel rtcp) {
    }

    private final InetAddress bindAddress;
    private final int lowest;
    private final int highest;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final Set<Integer> inUse = new HashSet<>();

    /**
     * @param lowest  the first RTP port, rounded up to even
     * @param highest the last port of the range (an RTCP port at most)
     */
    public RtpPorts(InetAddress bindAddress, int lowest, int highest) {
        if (lowest < 1024 || highest > 65535 || highest <= lowest) {
            throw new IllegalArgumentException("RTP port range must lie within 1024–65535 and hold a pair: " + lowest + "–" + highest);
        }
        this.bindAddress = bindAddress;
        this.lowest = lowest + (lowest & 1);
        this.highest = highest;
        for (int port = this.lowest; port + 1 <= highest; port += 2) {
            free.add(port);
        }
        if (free.isEmpty()) {
            throw new IllegalArgumentException("RTP port range holds no even/odd pair: " + lowest + "–" + highest);
        }
    }

    /**
     * Binds the next free pair.
     *
     * @throws MediaPortsExhausted when every pair of the range is in use (by us or by others)
     */
    public synchronized Pair allocate() {
        int attempts = free.size();
        for (int i = 0; i < attempts; i++) {
            int port = free.poll();
            Pair pair = bind(port);
            if (pair != null) {
                inUse.add(port);
                return pair;
            }
            free.add(port);
        }
        throw new MediaPortsExhausted("no free RTP port pair in " + lowest + "–" + highest + " on "
                + bindAddress.getHostAddress() + " (" + inUse.size() + " in use by this node)");
    }

    /** Gives a pair back once its channels are closed. Releasing a port twice is harmless. */
    public synchronized void release(int rtpPort) {
        if (inUse.remove(rtpPort)) {
            free.add(rtpPort);
        }
    }

    public synchronized int inUse() {
        return inUse.size();
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    private Pair bind(int port) {
        DatagramChannel rtp = null;
        DatagramChannel rtcp = null;
        try {
            rtp = DatagramChannel.open();
            rtp.bind(new InetSocketAddress(bindAddress, port));
            rtcp = DatagramChannel.open();
            rtcp.bind(new InetSocketAddress(bindAddress, port + 1));
            rtp.configureBlocking(false);
            rtcp.configureBlocking(false);
            return new Pair(port, rtp, rtcp);
        } catch (IOException e) {
            closeQuietly(rtp);
            closeQuietly(rtcp);
            return null;
        }
    }

    static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a socket we give up; nothing to do
            }
        }
    }
}
