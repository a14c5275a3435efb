package io.verbund.acd.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Optional;
import javax.sip.message.Request;

/**
 * JAIN-SIP's parser takes only {@code SIP/2.0} in a request line and answers anything else (e.g.
 * {@code SIP/3.0}) with its automatic 400, where RFC 3261 21.5.6 wants 505 Version Not Supported.
 * This parser, installed as the stack's {@code MESSAGE_PARSER_FACTORY} in front of
 * {@link MissingCallIdParsing}, parses such a request as SIP/2.0 and puts the version it came with
 * back into its request line; the listener recognises it and answers 505 statelessly. Only this
 * parser can leave a version other than SIP/2.0 there, so no sender can fake the mark.
 */
public final class UnsupportedVersionParsing implements MessageParserFactory {

    private static final String SUPPORTED = "SIP/2.0";
    private static final byte[] SUPPORTED_BYTES = SUPPORTED.getBytes(StandardCharsets.US_ASCII);
    /** Longer is no version at all ("SIP/" digits "." digits); the stack's 400 is right for it. */
    private static final int LONGEST_VERSION = 16;
    private static final MessageParser PARSER = new VersionParser(new MissingCallIdParsing().createMessageParser(null));

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return PARSER;
    }

    /** The version a request arrived with when it was not SIP/2.0; empty for every other request. */
    public static Optional<String> unsupportedVersion(Request request) {
        if (request instanceof SIPRequest sip && sip.getRequestLine() != null) {
            String version = sip.getRequestLine().getSipVersion();
            if (version != null && !SUPPORTED.equalsIgnoreCase(version)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the version of a request line lies in {@code bytes}: {start, end}, or null for SIP/2.0,
     * a response, or a last token that is no SIP version. Reads the first line only: every message
     * passes here.
     */
    static int[] otherVersion(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) {
            start++;
        }
        int end = start;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        if (end - start < 4 || startsWithSip(bytes, start)) {
            return null;
        }
        int space = end - 1;
        while (space > start && bytes[space] != ' ') {
            space--;
        }
        int version = space + 1;
        int length = end - version;
        if (space == start || length > LONGEST_VERSION || !startsWithSip(bytes, version)
                || !isVersionNumber(bytes, version + 4, end) || isSupported(bytes, version, length)) {
            return null;
        }
        return new int[] {version, end};
    }

    private static boolean startsWithSip(byte[] bytes, int at) {
        return at + 4 <= bytes.length && (bytes[at] | 0x20) == 's' && (bytes[at + 1] | 0x20) == 'i'
                && (bytes[at + 2] | 0x20) == 'p' && bytes[at + 3] == '/';
    }

    /** digits "." digits */
    private static boolean isVersionNumber(byte[] bytes, int from, int to) {
        int dot = -1;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '.' && dot < 0 && i > from) {
                dot = i;
            } else if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return dot > 0 && dot < to - 1;
    }

    private static boolean isSupported(byte[] bytes, int at, int length) {
        if (length != SUPPORTED_BYTES.length) {
            return false;
        }
        for (int i = 4; i < length; i++) {
            if (bytes[at + i] != SUPPORTED_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    private static final class VersionParser implements MessageParser {

        private final MessageParser next;

        VersionParser(MessageParser next) {
            this.next = next;
        }

        @Override
        public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener listener)
                throws ParseException {
            int[] at = bytes == null ? null : otherVersion(bytes);
            if (at == null) {
                return next.parseSIPMessage(bytes, readBody, strict, listener);
            }
            String claimed = new String(bytes, at[0], at[1] - at[0], StandardCharsets.US_ASCII);
            byte[] asSupported = new byte[bytes.length - (at[1] - at[0]) + SUPPORTED_BYTES.length];
            System.arraycopy(bytes, 0, asSupported, 0, at[0]);
            System.arraycopy(SUPPORTED_BYTES, 0, asSupported, at[0], SUPPORTED_BYTES.length);
            System.arraycopy(bytes, at[1], asSupported, at[0] + SUPPORTED_BYTES.length, bytes.length - at[1]);
            SIPMessage message = next.parseSIPMessage(asSupported, readBody, strict, listener);
            if (message instanceof SIPRequest request && request.getRequestLine() != null) {
                request.getRequestLine().setSipVersion(claimed);
            }
            return message;
        }
    }
}
