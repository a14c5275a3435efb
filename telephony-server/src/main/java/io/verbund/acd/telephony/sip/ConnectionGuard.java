package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Limits on the connections clients open to one of the stack's non-blocking processors (TCP or
 * TLS, {@link TcpConnectionLimits}): one over the total or over its source's share is closed as
 * soon as it is accepted; one silent (no byte) for the idle timeout is closed by a sweep on the
 * stack's timer. Connections the node opens itself (to agent phones) are not counted. Until
 * {@link #limit} is called, nothing is limited.
 */
final class ConnectionGuard {

    private static final Logger LOG = Logger.getLogger(ConnectionGuard.class.getName());
    private static final long REFUSAL_LOG_MILLIS = 10_000;

    /** Makes the processor's channel for an accepted socket. */
    interface ChannelMaker {
        NioTcpMessageChannel make(SocketChannel client) throws IOException;
    }

    private record Accepted(InetAddress source, NioTcpMessageChannel channel) {
    }

    private final SIPTransactionStack stack;
    private final String transport;
    private final Map<SocketChannel, Accepted> accepted = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();
    private volatile TcpConnectionLimits limits;
    private volatile long refused;
    private volatile long idleClosed;
    private volatile long nextRefusalLog;

    ConnectionGuard(SIPTransactionStack stack, String transport) {
        this.stack = stack;
        this.transport = transport;
    }

    /** Starts enforcing the limits, and the idle sweep (every quarter of the idle timeout, at least every second). */
    void limit(TcpConnectionLimits newLimits) {
        boolean first = limits == null;
        limits = newLimits;
        if (first) {
            long period = Math.max(250, Math.min(1000, newLimits.idleTimeout().toMillis() / 4));
            stack.getTimer().scheduleWithFixedDelay(new IdleSweep(), period, period);
        }
    }

    long refused() {
        return refused;
    }

    long idleClosed() {
        return idleClosed;
    }

    int open() {
        return accepted.size();
    }

    /** The channel for an accepted socket, or an IOException (the socket closed) when over a limit. */
    NioTcpMessageChannel admit(SocketChannel client, ChannelMaker maker) throws IOException {
        TcpConnectionLimits current = limits;
        if (current == null) {
            return maker.make(client);
        }
        InetAddress source = ((InetSocketAddress) client.getRemoteAddress()).getAddress();
        AtomicInteger fromSource = perSource.computeIfAbsent(source, ignored -> new AtomicInteger());
        if (accepted.size() >= current.total() || fromSource.incrementAndGet() > current.perSource()) {
            fromSource.decrementAndGet();
            refuse(client, source, current);
            // The stack's accept loop logs this and goes on; the socket is already closed.
            throw new IOException("SIP " + transport + " connection from " + source.getHostAddress() + " refused: over the connection limit");
        }
        NioTcpMessageChannel channel;
        try {
            channel = maker.make(client);
        } catch (IOException | RuntimeException e) {
            fromSource.decrementAndGet();
            throw e;
        }
        accepted.put(client, new Accepted(source, channel));
        return channel;
    }

    /** The processor removed {@code channel}: it no longer counts. */
    void removed(ConnectionOrientedMessageChannel channel) {
        if (channel instanceof NioTcpMessageChannel nio) {
            forget(nio.getSocketChannel());
        }
    }

    private void forget(SocketChannel client) {
        Accepted gone = client == null ? null : accepted.remove(client);
        if (gone != null) {
            AtomicInteger count = perSource.get(gone.source());
            if (count != null && count.decrementAndGet() <= 0) {
                perSource.remove(gone.source(), count);
            }
        }
    }

    private void refuse(SocketChannel client, InetAddress source, TcpConnectionLimits current) {
        refused++;
        try {
            client.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a refused SIP connection", e);
        }
        long now = System.currentTimeMillis();
        if (now >= nextRefusalLog) {
            nextRefusalLog = now + REFUSAL_LOG_MILLIS;
            LOG.warning(() -> "SIP " + transport + " connection from " + source.getHostAddress() + " refused: " + accepted.size()
                    + " open of " + current.total() + ", at most " + current.perSource() + " per source; " + refused
                    + " refused since the start");
        }
    }

    /** Closes accepted connections silent for the idle timeout, and forgets closed ones. */
    private final class IdleSweep extends SIPStackTimerTask {

        @Override
        public void runTask() {
            TcpConnectionLimits current = limits;
            long idleMillis = current.idleTimeout().toMillis();
            long now = System.currentTimeMillis();
            for (Map.Entry<SocketChannel, Accepted> entry : accepted.entrySet()) {
                SocketChannel client = entry.getKey();
                if (!client.isOpen()) {
                    forget(client);
                } else if (now - entry.getValue().channel().getLastActivityTimestamp() > idleMillis) {
                    idleClosed++;
                    LOG.fine(() -> "SIP " + transport + " connection from " + entry.getValue().source().getHostAddress() + " idle: closed");
                    entry.getValue().channel().close();
                    try {
                        client.close();
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "closing an idle SIP connection", e);
                    }
                    forget(client);
                }
            }
        }

        @Override
        public Object getThreadHash() {
            return null;
        }
    }
}
