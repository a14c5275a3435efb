package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * An accepted SIP TCP connection whose bytes pass through a {@link StreamFramer} before the stack's
 * stream reader: compact {@code l:}/{@code i:}, a missing Call-ID and RFC 3261 18.3's framing errors
 * are handled here, where the stack's reader alone would close the connection unanswered.
 */
final class FramedTcpChannel extends NioTcpMessageChannel {

    private final StreamFramer framer;
    private final StreamFramer.Sink sink = new Sink();
    /** Refused and answered: the bytes until the close are ignored. */
    private boolean answered;

    FramedTcpChannel(NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        // As the stack's own createMessageChannel does for the channels it makes.
        messageProcessor = processor;
        framer = new StreamFramer(maxMessageSize(processor));
    }

    /**
     * One byte under the stack's MAX_MESSAGE_SIZE: its reader counts the end-of-input read after a
     * message against the next one, so from the second message on it takes one byte less. Without
     * a maximum the framer still needs a bound.
     */
    static int maxMessageSize(NioTcpMessageProcessor processor) {
        int max = processor.getSIPStack().getMaxMessageSize();
        return max > 0 ? max - 1 : 65_536;
    }

    @Override
    protected void addBytes(byte[] bytes) throws Exception {
        if (!framer.feed(bytes, 0, bytes.length, sink) && !answered) {
            // The stack's read loop closes the connection on this.
            throw new IOException("SIP TCP stream refused");
        }
    }

    private void handOn(byte[] message) throws Exception {
        super.addBytes(message);
    }

    private final class Sink implements StreamFramer.Sink {

        @Override
        public void message(byte[] message) throws Exception {
            handOn(message);
        }

        @Override
        public void ping() throws Exception {
            sendSingleCLRF();
        }

        @Override
        public void pong() {
            cancelPingKeepAliveTimeoutTaskIfStarted();
        }

        @Override
        public void refuse(int status, String reason, byte[] headerBlock) {
            answered = StreamRefusal.answer(FramedTcpChannel.this, status, reason, headerBlock, bytes -> sendMessage(bytes, false));
        }
    }
}
