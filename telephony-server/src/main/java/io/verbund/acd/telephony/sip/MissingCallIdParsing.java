package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/**
 * JAIN-SIP drops a request without a Call-ID before any listener sees it, and cannot build its
 * automatic 400 for one either (that copies the Call-ID), so the sender would hear nothing and
 * retransmit. This parser, installed as the stack's {@code MESSAGE_PARSER_FACTORY}, gives such a
 * request a stand-in Call-ID that only this process can produce; the listener recognises it and
 * answers 400 naming the missing header. A message repeating a header that may appear once is
 * refused here too, and so is a Via with a comment ({@link RawHeaders}). Whatever else the stack's
 * parser cannot read comes out as a {@link ParseException}, never unchecked.
 */
public final class MissingCallIdParsing implements MessageParserFactory {

    /** Random per process, so no sender can make a real Call-ID look like a stand-in. */
    private static final String STAND_IN_PREFIX = "no-call-id-" + UUID.randomUUID() + "-";
    private static final AtomicLong STAND_INS = new AtomicLong();
    private static final MessageParser PARSER = new StandInParser();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return PARSER;
    }

    /**
     * A fresh stand-in, for the stream framer: the stack's stream reader needs a Call-ID line to
     * dispatch a message at all ({@link StreamFramer}).
     */
    static String standIn() {
        return STAND_IN_PREFIX + STAND_INS.incrementAndGet();
    }

    /** True when the request arrived without a Call-ID and carries the stand-in. */
    public static boolean arrivedWithoutCallId(Request request) {
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return callId != null && callId.getCallId().startsWith(STAND_IN_PREFIX);
    }

    private static final class StandInParser implements MessageParser {

        /** Stateless, like the stack's own shared instance. */
        private final StringMsgParser parser = new StringMsgParser();

        @Override
        public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
                throws ParseException {
            String problem = bytes == null ? null : RawHeaders.problem(bytes);
            if (problem != null) {
                // The stack answers a request it cannot parse with its own 400 naming the problem.
                throw new ParseException(problem, 0);
            }
            SIPMessage message;
            try {
                message = parser.parseSIPMessage(bytes, readBody, strict, listener);
            } catch (RuntimeException unparsable) {
                // Some of JAIN-SIP's header parsers throw unchecked on odd values (the fuzzer found
                // "RAck: x 1 INVITE": NumberFormatException); as a ParseException the stack answers
                // 400 or drops, as for any other malformed message.
                throw new ParseException(unparsable.getClass().getSimpleName() + " while parsing", 0);
            }
            if (message instanceof SIPRequest request && request.getCallId() == null) {
                request.setCallId(standIn());
            }
            return message;
        }
    }
}
