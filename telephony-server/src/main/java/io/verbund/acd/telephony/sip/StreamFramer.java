package io.verbund.acd.telephony.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the byte stream of one SIP connection (TCP, or TLS after decryption) into messages before
 * the stack sees them. The stack's own stream reader finds a message's end by the long names
 * {@code Content-Length} and {@code Call-ID} only, read naively ({@code Content-Length : 5} or a
 * folded value breaks it, {@code l:} is overlooked so the body is read as the next message's
 * header, and a message without {@code Call-ID} closes the connection). This framer reads the body
 * length from {@code Content-Length} or {@code l} in any case, with whitespace before the colon and
 * folded lines (RFC 3261 7.3), and hands each complete message on with those two headers written in
 * the one form the stack reads; a message without Call-ID gets {@link MissingCallIdParsing}'s
 * stand-in, so the listener answers 400 as over UDP.
 *
 * <p>Per RFC 3261 18.3 a stream message must carry its length: one without Content-Length, or with
 * one that is no number or contradicts another, is refused (the connection cannot find the next
 * message any more); so is one over the stack's maximum message size, and a header block longer
 * than that without its end (bounded buffering: a trickling client holds at most the maximum).
 * After a refusal the framer takes no more bytes. CRLFs between messages are keep-alives
 * (RFC 5626 3.5.1): a double CRLF is a ping the channel answers with a CRLF pong.
 *
 * <p>The common message, whole in one read and in long forms, is handed on as the read's own array;
 * otherwise one copy. Not thread-safe: one connection's reads come from one selector thread.
 */
final class StreamFramer {

    /** Where the framed messages and the framer's findings go; implemented by the channel. */
    interface Sink {

        /** One complete message, in a form the stack's stream reader frames as this framer did. */
        void message(byte[] message) throws Exception;

        /** A double CRLF between messages: answer a single CRLF. */
        void ping() throws Exception;

        /** A CRLF between messages (a pong to our ping, or the first half of a ping). */
        void pong();

        /**
         * The stream cannot be framed any more: answer {@code status} to the request in
         * {@code headerBlock} if there is one and it can be parsed, then close.
         *
         * @param headerBlock the message's start line and headers up to the empty line, or null
         *                    when not even those arrived within the maximum size
         */
        void refuse(int status, String reason, byte[] headerBlock);
    }

    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CALL_ID = "call-id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH_LINE = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CALL_ID_LINE = "Call-ID: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private final int maxMessageSize;
    /** The part of a message that arrived in an earlier read; made on the first such message. */
    private byte[] pending;
    private int pendingLength;

    // The message being framed, relative to its first byte.
    /** How far the search for the header block's end got. */
    private int searched;
    /** Where the body starts, -1 until the header block's end arrived. */
    private int bodyStart = -1;
    /** Header block and body. */
    private int total;
    /** Content-Length or Call-ID not in the one form the stack reads, or no Call-ID. */
    private boolean rewrite;

    // Between messages.
    private boolean carriageReturn;
    private boolean halfPing;

    private boolean refused;

    /** The one reading of a header line, for finding the length and for rewriting; reused. */
    private final HeaderLine headerLine = new HeaderLine();

    StreamFramer(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Takes the next bytes of the stream and hands every message completed by them to the sink.
     *
     * @return false once the stream was refused (then the bytes are ignored)
     */
    boolean feed(byte[] bytes, int offset, int length, Sink sink) throws Exception {
        int at = offset;
        int end = offset + length;
        while (!refused && at < end) {
            if (pendingLength == 0) {
                at = skipKeepAlives(bytes, at, end, sink);
                if (at == end) {
                    break;
                }
                int framed = frame(bytes, at, end, sink, bytes.length == length && at == 0);
                if (framed > 0) {
                    at += framed;
                } else if (framed == 0) {
                    if (pending == null) {
                        pending = new byte[maxMessageSize];
                    }
                    // frame() refuses a message longer than the maximum, so the rest fits.
                    pendingLength = end - at;
                    System.arraycopy(bytes, at, pending, 0, pendingLength);
                    at = end;
                }
            } else {
                int before = pendingLength;
                int taken = Math.min(pending.length - pendingLength, end - at);
                System.arraycopy(bytes, at, pending, pendingLength, taken);
                pendingLength += taken;
                int framed = frame(pending, 0, pendingLength, sink, false);
                if (framed > 0) {
                    at += framed - before;
                    pendingLength = 0;
                } else {
                    at += taken;
                }
            }
        }
        return !refused;
    }

    /** Skips CRLFs (and stray CR or LF) before a message; returns where the message starts. */
    private int skipKeepAlives(byte[] bytes, int at, int end, Sink sink) throws Exception {
        while (at < end) {
            byte b = bytes[at];
            if (b == '\r') {
                carriageReturn = true;
            } else if (b == '\n') {
                if (carriageReturn) {
                    if (halfPing) {
                        halfPing = false;
                        sink.ping();
                    } else {
                        halfPing = true;
                        sink.pong();
                    }
                }
                carriageReturn = false;
            } else {
                carriageReturn = false;
                halfPing = false;
                return at;
            }
            at++;
        }
        return at;
    }

    /**
     * Frames the message starting at {@code from}: hands it on and returns its length, or returns 0
     * when it has not all arrived, or -1 when it was refused.
     */
    private int frame(byte[] bytes, int from, int end, Sink sink, boolean wholeArray) throws Exception {
        int available = end - from;
        if (bodyStart < 0) {
            int limit = Math.min(available, maxMessageSize);
            int found = headerEnd(bytes, from, from + Math.max(0, searched - 2), from + limit);
            if (found < 0) {
                searched = limit;
                if (limit >= maxMessageSize) {
                    return refuse(sink, 513, "Message Too Large", null);
                }
                return 0;
            }
            bodyStart = found - from;
            long length = readHeaders(bytes, from, found, sink);
            if (length < 0) {
                return -1;
            }
            if (bodyStart + length > maxMessageSize) {
                return refuse(sink, 513, "Message Too Large", Arrays.copyOfRange(bytes, from, found));
            }
            total = bodyStart + (int) length;
        }
        if (available < total) {
            return 0;
        }
        byte[] message;
        if (rewrite) {
            message = rewritten(bytes, from);
            if (message.length > maxMessageSize) {
                return refuse(sink, 513, "Message Too Large", Arrays.copyOfRange(bytes, from, from + bodyStart));
            }
        } else if (wholeArray && total == bytes.length) {
            message = bytes;
        } else {
            message = Arrays.copyOfRange(bytes, from, from + total);
        }
        int length = total;
        nextMessage();
        sink.message(message);
        return length;
    }

    private void nextMessage() {
        searched = 0;
        bodyStart = -1;
        total = 0;
        rewrite = false;
    }

    private int refuse(Sink sink, int status, String reason, byte[] headerBlock) {
        refused = true;
        pending = null;
        pendingLength = 0;
        sink.refuse(status, reason, headerBlock);
        return -1;
    }

    /**
     * The index after the empty line ending the header block: the stack's reader ends it at a line
     * that is CRLF alone, after a line ended by LF. -1 if not in [{@code from}, {@code end}).
     */
    private static int headerEnd(byte[] bytes, int messageStart, int from, int end) {
        for (int i = Math.max(from, messageStart + 1); i + 1 < end; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i - 1] == '\n') {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * Reads the header block [{@code from}, {@code end}) once: the body length (or a refusal,
     * then -1) and whether the message must be rewritten for the stack.
     */
    private long readHeaders(byte[] bytes, int from, int end, Sink sink) {
        long length = -1;
        boolean callId = false;
        int line = from;
        int headerEnd = end - 2;
        HeaderLine h = headerLine;
        while (line < headerEnd) {
            h.read(bytes, line, headerEnd);
            int lineEnd = h.lineEnd;
            int next = h.next;
            int valueEnd = h.valueEnd;
            boolean folded = valueEnd != lineEnd;
            int nameEnd = h.nameEnd;
            int colon = h.colon;
            boolean header = line != from && h.hasColon();
            int nameLength = nameEnd - line;
            boolean contentLength = header && h.isContentLength();
            boolean isCallId = header && h.isCallId();
            if (contentLength) {
                long value = number(bytes, colon + 1, valueEnd);
                if (value < 0) {
                    return refuse(sink, 400, "Bad Content-Length", Arrays.copyOfRange(bytes, from, end));
                }
                if (length >= 0 && value != length) {
                    return refuse(sink, 400, "Conflicting Content-Length", Arrays.copyOfRange(bytes, from, end));
                }
                length = value;
                rewrite |= folded || nameLength != CONTENT_LENGTH.length || colon != nameEnd;
            } else if (isCallId) {
                if (isEmpty(bytes, colon + 1, valueEnd)) {
                    return refuse(sink, 400, "Empty Call-ID", Arrays.copyOfRange(bytes, from, end));
                }
                callId = true;
                rewrite |= folded || nameLength != CALL_ID.length || colon != nameEnd;
            } else if (startsWith(bytes, line, lineEnd, CONTENT_LENGTH) || startsWith(bytes, line, lineEnd, CALL_ID)) {
                // The stack's reader would take this line for Content-Length or Call-ID.
                return refuse(sink, 400, "Bad header name", Arrays.copyOfRange(bytes, from, end));
            }
            line = next;
        }
        if (length < 0) {
            return refuse(sink, 400, "Missing Content-Length", Arrays.copyOfRange(bytes, from, end));
        }
        rewrite |= !callId;
        return length;
    }

    /** The message with Content-Length and Call-ID in long form, unfolded; a stand-in Call-ID if none. */
    private byte[] rewritten(byte[] bytes, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(total + 64);
        int headerEnd = from + bodyStart - 2;
        int firstLineEnd = lineEnd(bytes, from, headerEnd);
        out.write(bytes, from, firstLineEnd + 1 - from);
        boolean callId = false;
        int line = firstLineEnd + 1;
        HeaderLine h = headerLine;
        while (line < headerEnd) {
            h.read(bytes, line, headerEnd);
            int next = h.next;
            if (h.hasColon() && h.isContentLength()) {
                out.writeBytes(CONTENT_LENGTH_LINE);
                out.writeBytes(Long.toString(number(bytes, h.colon + 1, h.valueEnd)).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(CRLF);
            } else if (h.hasColon() && h.isCallId()) {
                out.writeBytes(CALL_ID_LINE);
                writeUnfolded(out, bytes, h.colon + 1, h.valueEnd);
                out.writeBytes(CRLF);
                callId = true;
            } else {
                out.write(bytes, line, next - line);
            }
            line = next;
        }
        if (!callId) {
            out.writeBytes(CALL_ID_LINE);
            out.writeBytes(MissingCallIdParsing.standIn().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(CRLF);
        }
        out.write(bytes, headerEnd, from + total - headerEnd);
        return out.toByteArray();
    }

    /** The value between {@code from} and {@code end} with line folds as single spaces, trimmed. */
    private static void writeUnfolded(ByteArrayOutputStream out, byte[] bytes, int from, int end) {
        while (from < end && isSpace(bytes[from])) {
            from++;
        }
        while (end > from && isSpace(bytes[end - 1])) {
            end--;
        }
        boolean space = false;
        for (int i = from; i < end; i++) {
            if (isSpace(bytes[i])) {
                space = true;
            } else {
                if (space) {
                    out.write(' ');
                    space = false;
                }
                out.write(bytes[i]);
            }
        }
    }

    /** Where the line starting at {@code from} ends: the index of its LF, or {@code end}. */
    private static int lineEnd(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    /**
     * Digits between whitespace (line folds included); -1 if anything else, or if more than 9
     * digits after the leading zeros (RFC 5118 sends many of those).
     */
    private static long number(byte[] bytes, int from, int end) {
        long value = 0;
        int digits = 0;
        int significant = 0;
        boolean after = false;
        for (int i = from; i < end; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9' && !after) {
                digits++;
                if ((value > 0 || b != '0') && ++significant > 9) {
                    return -1;
                }
                value = value * 10 + (b - '0');
            } else if (isSpace(b)) {
                after = digits > 0;
            } else {
                return -1;
            }
        }
        return digits == 0 ? -1 : value;
    }

    private static boolean isEmpty(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!isSpace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** The name at {@code at} of {@code length} bytes is {@code lower} in any case. */
    private static boolean is(byte[] bytes, int at, int length, byte[] lower) {
        return length == lower.length && startsWith(bytes, at, at + length, lower);
    }

    private static boolean isLetter(byte[] bytes, int at, int length, char lower) {
        return length == 1 && (bytes[at] | 0x20) == lower;
    }

    /** The bytes from {@code at} (before {@code end}) start with {@code lower} in any case. */
    private static boolean startsWith(byte[] bytes, int at, int end, byte[] lower) {
        if (end - at < lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            byte b = bytes[at + i];
            if (b != lower[i] && (b | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the parts of the header line at {@code line} lie: its end (the LF), the end of its value
     * with continuation lines (starting with SP or HT) folded in, the end of its name, and the colon
     * after optional blanks.
     */
    private static final class HeaderLine {

        private byte[] bytes;
        private int line;
        int lineEnd;
        int next;
        int valueEnd;
        int nameEnd;
        int colon;

        void read(byte[] bytes, int line, int headerEnd) {
            this.bytes = bytes;
            this.line = line;
            lineEnd = lineEnd(bytes, line, headerEnd);
            next = lineEnd + 1;
            valueEnd = lineEnd;
            while (next < headerEnd && isBlank(bytes[next])) {
                valueEnd = lineEnd(bytes, next, headerEnd);
                next = valueEnd + 1;
            }
            nameEnd = line;
            while (nameEnd < lineEnd && bytes[nameEnd] != ':' && !isBlank(bytes[nameEnd])) {
                nameEnd++;
            }
            colon = nameEnd;
            while (colon < lineEnd && isBlank(bytes[colon])) {
                colon++;
            }
        }

        boolean hasColon() {
            return colon < lineEnd && bytes[colon] == ':';
        }

        boolean isContentLength() {
            return is(bytes, line, nameEnd - line, CONTENT_LENGTH) || isLetter(bytes, line, nameEnd - line, 'l');
        }

        boolean isCallId() {
            return is(bytes, line, nameEnd - line, CALL_ID) || isLetter(bytes, line, nameEnd - line, 'i');
        }
    }
}
