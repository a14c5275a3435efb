package io.verbund.acd.telephony.sip;

import java.nio.charset.StandardCharsets;

/**
 * What the node refuses in a message's raw header bytes before JAIN-SIP's parser reads them, in
 * one pass without allocation (every message goes through it):
 * <ul>
 * <li>A header that may appear once (RFC 3261 7.3) appearing twice, in full or compact form. The
 * parser keeps one of two Content-Lengths, Call-IDs, CSeqs, Froms, Tos or Max-Forwards silently
 * (RFC 4475 3.3.8, 3.3.9 want a 400): with two Content-Lengths, the framing a proxy in front chose
 * and the one the node chose could differ.</li>
 * <li>A comment ({@code (...)}) in a Via, also on its continuation lines. RFC 3261 has none, and the
 * parser reads one in a loop that never ends when its last character escapes the line end
 * ({@code Via: SIP/2.0/UDP h (\}): it appends until the heap is gone, which a single datagram could
 * do to a node (found by SipParsingFuzzTest).</li>
 * </ul>
 */
final class RawHeaders {

    static final String VIA_COMMENT = "a comment in Via (RFC 3261 has none)";

    /** Full names, lower case, and the compact form at the same index (0 for none); Via last. */
    private static final byte[][] NAMES = {
            bytes("call-id"), bytes("content-length"), bytes("cseq"), bytes("from"), bytes("to"), bytes("max-forwards"), bytes("via")};
    private static final byte[] COMPACT = {'i', 'l', 0, 'f', 't', 0, 'v'};
    private static final int VIA = NAMES.length - 1;
    private static final String[] REPEATED = new String[VIA];

    static {
        for (int header = 0; header < VIA; header++) {
            REPEATED[header] = "more than one " + new String(NAMES[header], StandardCharsets.US_ASCII) + " header";
        }
    }

    private RawHeaders() {
    }

    /** Why the message is refused (the stack answers 400 naming it), or null. */
    static String problem(byte[] message) {
        int seen = 0;
        boolean inVia = false;
        int line = nextLine(message, 0);
        while (line < message.length) {
            byte first = message[line];
            if (first == '\r' || first == '\n') {
                return null;
            }
            int next = nextLine(message, line);
            if (first != ' ' && first != '\t') {
                int end = line;
                while (end < message.length && message[end] != ':' && message[end] != '\r' && message[end] != '\n') {
                    end++;
                }
                while (end > line && (message[end - 1] == ' ' || message[end - 1] == '\t')) {
                    end--;
                }
                int header = which(message, line, end);
                inVia = header == VIA;
                if (header >= 0 && header != VIA) {
                    if ((seen & (1 << header)) != 0) {
                        return REPEATED[header];
                    }
                    seen |= 1 << header;
                }
            }
            if (inVia) {
                for (int i = line; i < next && i < message.length; i++) {
                    if (message[i] == '(') {
                        return VIA_COMMENT;
                    }
                }
            }
            line = next;
        }
        return null;
    }

    private static int nextLine(byte[] message, int from) {
        int at = from;
        while (at < message.length && message[at] != '\n') {
            at++;
        }
        return at + 1;
    }

    private static int which(byte[] message, int from, int to) {
        int length = to - from;
        for (int header = 0; header < NAMES.length; header++) {
            if (length == 1 && COMPACT[header] != 0 && (message[from] | 0x20) == COMPACT[header]) {
                return header;
            }
            if (length == NAMES[header].length && sameIgnoringCase(message, from, NAMES[header])) {
                return header;
            }
        }
        return -1;
    }

    private static boolean sameIgnoringCase(byte[] message, int from, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            byte b = message[from + i];
            if ((b >= 'A' && b <= 'Z' ? b | 0x20 : b) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }
}
