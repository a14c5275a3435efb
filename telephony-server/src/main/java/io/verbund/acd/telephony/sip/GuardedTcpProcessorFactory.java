package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The stack's message processors with SIP over TCP on non-blocking sockets (one selector thread for
 * every connection, none per connection: a client that connects and sends nothing, or trickles
 * bytes, holds no thread) and the connection limits of {@link GuardedTcpProcessor}; TCP and TLS
 * streams framed by {@link StreamFramer} ({@link GuardedTlsProcessor} for TLS). UDP as before.
 * Named in the stack property {@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}.
 */
public class GuardedTcpProcessorFactory extends NioMessageProcessorFactory {

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port, String transport)
            throws IOException {
        if ("TCP".equalsIgnoreCase(transport)) {
            return new GuardedTcpProcessor(address, stack, port);
        }
        if ("TLS".equalsIgnoreCase(transport)) {
            return new GuardedTlsProcessor(address, stack, port);
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }
}
