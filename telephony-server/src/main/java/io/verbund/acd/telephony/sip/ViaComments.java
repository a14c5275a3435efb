package io.verbund.acd.telephony.sip;

/**
 * Finds a comment ({@code (...)}) in a Via header's raw bytes, in full or compact form and on its
 * continuation lines. RFC 3261 has no Via comments, and JAIN-SIP's Via parser reads one in a loop
 * that never ends when the comment's last character escapes the line end ({@code Via: SIP/2.0/UDP
 * h (\}): it appends until the heap is gone, which a single datagram could do to a node (found by
 * SipParsingFuzzTest). Such a message is refused before that parser sees it. One pass over the
 * bytes, no allocation: every message goes through it.
 */
final class ViaComments {

    private ViaComments() {
    }

    static boolean present(byte[] message) {
        boolean inVia = false;
        int at = skipLine(message, 0);
        while (at < message.length) {
            byte first = message[at];
            if (first == '\r' || first == '\n') {
                return false;
            }
            if (first != ' ' && first != '\t') {
                inVia = isViaName(message, at);
            }
            int end = skipLine(message, at);
            if (inVia) {
                for (int i = at; i < end && i < message.length; i++) {
                    if (message[i] == '(') {
                        return true;
                    }
                }
            }
            at = end;
        }
        return false;
    }

    /** Whether the header line starting at {@code at} is named Via or v (any case, blanks before the colon). */
    private static boolean isViaName(byte[] message, int at) {
        int end = at;
        while (end < message.length && message[end] != ':' && message[end] != '\r' && message[end] != '\n') {
            end++;
        }
        while (end > at && (message[end - 1] == ' ' || message[end - 1] == '\t')) {
            end--;
        }
        int length = end - at;
        if (length == 1) {
            return (message[at] | 0x20) == 'v';
        }
        return length == 3 && (message[at] | 0x20) == 'v' && (message[at + 1] | 0x20) == 'i' && (message[at + 2] | 0x20) == 'a';
    }

    private static int skipLine(byte[] message, int from) {
        int at = from;
        while (at < message.length && message[at] != '\n') {
            at++;
        }
        return at + 1;
    }
}
