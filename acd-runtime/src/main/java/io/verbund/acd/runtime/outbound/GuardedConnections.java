package io.verbund.acd.runtime.outbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.nio.AsyncClientConnectionManager;
import org.apache.hc.client5.http.nio.AsyncConnectionEndpoint;
import org.apache.hc.core5.concurrent.BasicFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ConnectionInitiator;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The client's connections, each checked with the address and port it is about to be opened to:
 * {@link GuardedResolver} sees names without ports, so an address the allow-list opens on one port
 * only passes there and is held to that port here, at the last moment before the socket connects.
 * Everything else is the wrapped manager's.
 */
final class GuardedConnections implements AsyncClientConnectionManager {

    private final AsyncClientConnectionManager connections;
    private final OutboundTargets targets;

    GuardedConnections(AsyncClientConnectionManager connections, OutboundTargets targets) {
        this.connections = connections;
        this.targets = targets;
    }

    @Override
    public Future<AsyncConnectionEndpoint> lease(String id, HttpRoute route, Object state, Timeout requestTimeout,
                                                 FutureCallback<AsyncConnectionEndpoint> callback) {
        return connections.lease(id, route, state, requestTimeout, callback);
    }

    @Override
    public void release(AsyncConnectionEndpoint endpoint, Object newState, TimeValue validDuration) {
        connections.release(endpoint, newState, validDuration);
    }

    @Override
    public Future<AsyncConnectionEndpoint> connect(AsyncConnectionEndpoint endpoint, ConnectionInitiator initiator,
                                                   Timeout connectTimeout, Object attachment, HttpContext context,
                                                   FutureCallback<AsyncConnectionEndpoint> callback) {
        return connections.connect(endpoint, guarded(initiator), connectTimeout, attachment, context, callback);
    }

    @Override
    public void upgrade(AsyncConnectionEndpoint endpoint, Object attachment, HttpContext context) {
        connections.upgrade(endpoint, attachment, context);
    }

    @Override
    public void close(CloseMode closeMode) {
        connections.close(closeMode);
    }

    @Override
    public void close() throws IOException {
        connections.close();
    }

    private ConnectionInitiator guarded(ConnectionInitiator initiator) {
        return (remoteEndpoint, remoteAddress, localAddress, timeout, attachment, callback) -> {
            Optional<String> refusal = refusal(remoteAddress);
            if (refusal.isEmpty()) {
                return initiator.connect(remoteEndpoint, remoteAddress, localAddress, timeout, attachment, callback);
            }
            BasicFuture<IOSession> refused = new BasicFuture<>(callback);
            refused.failed(new RefusedTarget(remoteEndpoint.getHostName(), refusal.get()));
            return refused;
        };
    }

    /** Connections go to resolved addresses; anything else (never made by this client) is refused too. */
    Optional<String> refusal(SocketAddress remote) {
        if (remote instanceof InetSocketAddress address && address.getAddress() != null) {
            return targets.refusal(address.getAddress(), address.getPort());
        }
        return Optional.of(remote + " is not a resolved address");
    }
}
