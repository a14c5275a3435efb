package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.NioTlsMessageChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/** {@link FramedTcpChannel} for SIP over TLS: the decrypted bytes pass through the {@link StreamFramer}. */
final class FramedTlsChannel extends NioTlsMessageChannel {

    private final StreamFramer framer;
    private final StreamFramer.Sink sink = new Sink();
    private boolean answered;

    FramedTlsChannel(NioTcpMessageProcessor processor, SocketChannel client) throws IOException {
        super(processor, client);
        messageProcessor = processor;
        framer = new StreamFramer(FramedTcpChannel.maxMessageSize(processor));
    }

    @Override
    public void addPlaintextBytes(byte[] bytes) throws Exception {
        if (!framer.feed(bytes, 0, bytes.length, sink) && !answered) {
            throw new IOException("SIP TLS stream refused");
        }
    }

    private void handOn(byte[] message) throws Exception {
        super.addPlaintextBytes(message);
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
            answered = StreamRefusal.answer(FramedTlsChannel.this, status, reason, headerBlock, bytes -> sendMessage(bytes, false));
        }
    }
}
