package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.SIPStackTimerTask;
import java.io.IOException;
import java.text.ParseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.message.Request;

/**
 * What a SIP connection does when its {@link StreamFramer} refuses the stream: answers the request
 * whose header block it has (400 or 513, RFC 3261 18.3), then closes the connection a moment later
 * so the answer is written first (the stack's writes are queued for its selector thread); with
 * nothing to answer, closes at once. Cold path: only refused streams come here.
 */
final class StreamRefusal {

    private static final Logger LOG = Logger.getLogger(StreamRefusal.class.getName());
    /** Long enough for the selector thread to write the answer, short enough to free the slot. */
    private static final long CLOSE_AFTER_ANSWER_MILLIS = 1000;

    private StreamRefusal() {
    }

    /**
     * Answers and schedules the close, or returns false when there is nothing to answer and the
     * caller must close at once.
     */
    static boolean answer(ConnectionOrientedMessageChannel channel, int status, String reason, byte[] headerBlock, Sender sender) {
        byte[] answer = response(headerBlock, status, reason, channel.getTransport());
        LOG.fine(() -> "SIP " + channel.getTransport() + " stream from " + channel.getPeerAddress() + " refused: " + reason
                + (answer == null ? "; closed" : "; answered " + status + " and closing"));
        if (answer == null) {
            return false;
        }
        try {
            sender.send(answer);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "answer to a refused SIP stream not sent", e);
            return false;
        }
        channel.getSIPStack().getTimer().schedule(new SIPStackTimerTask() {
            @Override
            public void runTask() {
                channel.close();
            }

            @Override
            public Object getThreadHash() {
                return null;
            }
        }, CLOSE_AFTER_ANSWER_MILLIS);
        return true;
    }

    /** The channel's raw send (protected there). */
    interface Sender {
        void send(byte[] bytes) throws IOException;
    }

    /** The response to the request in {@code headerBlock}; null for a response, an ACK, or what does not parse. */
    static byte[] response(byte[] headerBlock, int status, String reason, String transport) {
        if (headerBlock == null) {
            return null;
        }
        try {
            SIPMessage message = new StringMsgParser().parseSIPMessage(headerBlock, false, false, null);
            if (message instanceof SIPRequest request && !Request.ACK.equals(request.getMethod())) {
                return request.createResponse(status, reason).encodeAsBytes(transport);
            }
        } catch (ParseException | RuntimeException e) {
            LOG.log(Level.FINE, "refused SIP stream: no request to answer", e);
        }
        return null;
    }
}
