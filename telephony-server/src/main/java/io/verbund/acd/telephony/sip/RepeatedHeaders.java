package io.verbund.acd.telephony.sip;

/**
 * Finds a header that may appear once (RFC 3261 7.3) but appears twice, in full or compact form,
 * in a message's raw bytes. JAIN-SIP's parser keeps one of two Content-Lengths, Call-IDs, CSeqs,
 * Froms, Tos or Max-Forwards silently (RFC 4475 3.3.8, 3.3.9 want a 400): with two
 * Content-Lengths, the framing a proxy in front chose and the one the node chose could differ.
 * One pass over the header lines, no allocation: every message goes through it.
 */
final class RepeatedHeaders {

    /** Full names, lower case, and the compact form at the same index (0 for none). */
    private static final byte[][] NAMES = {
            bytes("call-id"), bytes("content-length"), bytes("cseq"), bytes("from"), bytes("to"), bytes("max-forwards")};
    private static final byte[] COMPACT = {'i', 'l', 0, 'f', 't', 0};

    private RepeatedHeaders() {
    }

    /** The full name of the first single-value header seen twice, or null. */
    static String firstRepeated(byte[] message) {
        int seen = 0;
        int line = nextLine(message, 0);
        while (line < message.length) {
            byte first = message[line];
            if (first == '\r' || first == '\n') {
                return null;
            }
            if (first != ' ' && first != '\t') {
                int end = line;
                while (end < message.length && message[end] != ':' && message[end] != '\r' && message[end] != '\n') {
                    end++;
                }
                while (end > line && (message[end - 1] == ' ' || message[end - 1] == '\t')) {
                    end--;
                }
                int header = which(message, line, end);
                if (header >= 0) {
                    if ((seen & (1 << header)) != 0) {
                        return new String(NAMES[header], java.nio.charset.StandardCharsets.US_ASCII);
                    }
                    seen |= 1 << header;
                }
            }
            line = nextLine(message, line);
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
        return name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
