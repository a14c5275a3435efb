package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/**
 * The stack's non-blocking TCP processor with limits on the connections clients open to us
 * ({@link ConnectionGuard}) and their bytes framed by {@link FramedTcpChannel}.
 */
final class GuardedTcpProcessor extends NioTcpMessageProcessor implements GuardedProcessor {

    private final ConnectionGuard guard;

    GuardedTcpProcessor(InetAddress address, SIPTransactionStack stack, int port) {
        super(address, stack, port);
        this.guard = new ConnectionGuard(stack, "TCP");
    }

    @Override
    public ConnectionGuard guard() {
        return guard;
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
        return guard.admit(client, accepted -> {
            // As the stack's own: one channel per socket, kept in the handler's map.
            NioTcpMessageChannel channel = nioHandler.getMessageChannel(accepted);
            if (channel == null) {
                channel = new FramedTcpChannel(processor, accepted);
                nioHandler.putMessageChannel(accepted, channel);
            }
            return channel;
        });
    }

    @Override
    protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
        super.remove(channel);
        guard.removed(channel);
    }
}
