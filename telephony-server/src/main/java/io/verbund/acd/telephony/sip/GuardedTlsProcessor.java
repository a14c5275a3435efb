package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.SocketChannel;

/** {@link GuardedTcpProcessor} for SIP over TLS: the same limits, the decrypted bytes framed by {@link FramedTlsChannel}. */
final class GuardedTlsProcessor extends NioTlsMessageProcessor implements GuardedProcessor {

    private final ConnectionGuard guard;

    GuardedTlsProcessor(InetAddress address, SIPTransactionStack stack, int port) {
        super(address, stack, port);
        this.guard = new ConnectionGuard(stack, "TLS");
    }

    @Override
    public ConnectionGuard guard() {
        return guard;
    }

    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
        return guard.admit(client, accepted -> {
            NioTcpMessageChannel channel = nioHandler.getMessageChannel(accepted);
            if (channel == null) {
                channel = new FramedTlsChannel(processor, accepted);
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
