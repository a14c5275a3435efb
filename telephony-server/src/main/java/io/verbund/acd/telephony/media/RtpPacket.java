package io.verbund.acd.telephony.media;

/**
 * An RTP packet (RFC 3550 §5.1) read in place: {@link #read} checks a datagram and exposes its header
 * fields and where its payload lies, without copying or allocating, so one instance per media thread
 * serves every packet. A datagram that is not a well-formed version-2 packet (short, wrong version,
 * CSRC list, extension or padding running past its end) is refused by returning {@code false}, never
 * by an exception: the receive loop counts it and goes on. {@link #write} and {@link #build} are the
 * other direction.
 */
public final class RtpPacket {

    /** The fixed header: V, P, X, CC, M, PT, sequence number, timestamp, SSRC. */
    public static final int HEADER_LENGTH = 12;
    private static final int VERSION = 2;

    private byte[] data;
    private int length;
    private boolean padding;
    private boolean extension;
    private int csrcCount;
    private boolean marker;
    private int payloadType;
    private int sequence;
    private long timestamp;
    private int ssrc;
    private int payloadOffset;
    private int payloadLength;
    private int extensionProfile;
    private int extensionOffset;
    private int extensionLength;

    /**
     * Reads the packet in {@code data[0..length)}. The array is referenced, not copied: the getters
     * describe it until the next call.
     *
     * @return whether it is a well-formed RTP version 2 packet
     */
    public boolean read(byte[] data, int length) {
        this.data = data;
        this.length = length;
        if (length < HEADER_LENGTH || data.length < length) {
            return false;
        }
        int b0 = data[0] & 0xFF;
        if (b0 >> 6 != VERSION) {
            return false;
        }
        padding = (b0 & 0x20) != 0;
        extension = (b0 & 0x10) != 0;
        csrcCount = b0 & 0x0F;
        int b1 = data[1] & 0xFF;
        marker = (b1 & 0x80) != 0;
        payloadType = b1 & 0x7F;
        sequence = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        timestamp = readInt(data, 4) & 0xFFFFFFFFL;
        ssrc = readInt(data, 8);
        int offset = HEADER_LENGTH + 4 * csrcCount;
        if (offset > length) {
            return false;
        }
        extensionOffset = 0;
        extensionLength = 0;
        extensionProfile = 0;
        if (extension) {
            if (offset + 4 > length) {
                return false;
            }
            extensionProfile = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
            extensionLength = 4 * (((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF));
            extensionOffset = offset + 4;
            offset = extensionOffset + extensionLength;
            if (offset > length) {
                return false;
            }
        }
        int end = length;
        if (padding) {
            int pad = data[length - 1] & 0xFF;
            if (pad == 0 || pad > length - offset) {
                return false;
            }
            end -= pad;
        }
        payloadOffset = offset;
        payloadLength = end - offset;
        return true;
    }

    public byte[] data() {
        return data;
    }

    public int length() {
        return length;
    }

    public boolean padding() {
        return padding;
    }

    public boolean extension() {
        return extension;
    }

    public int csrcCount() {
        return csrcCount;
    }

    /** The {@code index}th contributing source. */
    public int csrc(int index) {
        if (index < 0 || index >= csrcCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return readInt(data, HEADER_LENGTH + 4 * index);
    }

    public boolean marker() {
        return marker;
    }

    public int payloadType() {
        return payloadType;
    }

    /** 0–65535. */
    public int sequence() {
        return sequence;
    }

    /** 0–2³²−1. */
    public long timestamp() {
        return timestamp;
    }

    public int ssrc() {
        return ssrc;
    }

    /** The extension's profile-defined 16 bits; 0 without an extension. */
    public int extensionProfile() {
        return extensionProfile;
    }

    public int extensionOffset() {
        return extensionOffset;
    }

    /** In bytes, without the extension's own 4-byte header. */
    public int extensionLength() {
        return extensionLength;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    /** Without the padding. */
    public int payloadLength() {
        return payloadLength;
    }

    /**
     * Writes a plain header (no padding, extension or CSRC) at {@code target[offset]}: what this engine
     * sends.
     *
     * @return the header length, where the payload goes
     */
    public static int write(byte[] target, int offset, boolean marker, int payloadType, int sequence, long timestamp, int ssrc) {
        target[offset] = (byte) (VERSION << 6);
        target[offset + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        target[offset + 2] = (byte) (sequence >> 8);
        target[offset + 3] = (byte) sequence;
        writeInt(target, offset + 4, (int) timestamp);
        writeInt(target, offset + 8, ssrc);
        return HEADER_LENGTH;
    }

    /**
     * A complete packet with every header feature; for tools and tests (the send path uses
     * {@link #write} on a reused buffer).
     *
     * @param csrcs up to 15 contributing sources
     * @param extensionProfile used only when {@code extension} is not null
     * @param extension the extension's data, a multiple of 4 bytes, or null for none
     * @param paddingLength 0 for none, else 1–255 bytes of padding (the last one holding the count)
     */
    public static byte[] build(boolean marker, int payloadType, int sequence, long timestamp, int ssrc, int[] csrcs,
                               int extensionProfile, byte[] extension, byte[] payload, int paddingLength) {
        if (csrcs.length > 15 || (extension != null && extension.length % 4 != 0) || paddingLength < 0 || paddingLength > 255) {
            throw new IllegalArgumentException("csrcs ≤ 15, extension in 32-bit words, padding 0–255");
        }
        int headerLength = HEADER_LENGTH + 4 * csrcs.length + (extension == null ? 0 : 4 + extension.length);
        byte[] packet = new byte[headerLength + payload.length + paddingLength];
        write(packet, 0, marker, payloadType, sequence, timestamp, ssrc);
        packet[0] |= (byte) ((paddingLength > 0 ? 0x20 : 0) | (extension != null ? 0x10 : 0) | csrcs.length);
        int offset = HEADER_LENGTH;
        for (int csrc : csrcs) {
            writeInt(packet, offset, csrc);
            offset += 4;
        }
        if (extension != null) {
            packet[offset] = (byte) (extensionProfile >> 8);
            packet[offset + 1] = (byte) extensionProfile;
            packet[offset + 2] = (byte) ((extension.length / 4) >> 8);
            packet[offset + 3] = (byte) (extension.length / 4);
            System.arraycopy(extension, 0, packet, offset + 4, extension.length);
            offset += 4 + extension.length;
        }
        System.arraycopy(payload, 0, packet, offset, payload.length);
        if (paddingLength > 0) {
            packet[packet.length - 1] = (byte) paddingLength;
        }
        return packet;
    }

    static int readInt(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16)
                | ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    }

    static void writeInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >> 24);
        target[offset + 1] = (byte) (value >> 16);
        target[offset + 2] = (byte) (value >> 8);
        target[offset + 3] = (byte) value;
    }

    /** {@code a} comes after {@code b} in 16-bit sequence space (RFC 1982 arithmetic). */
    static boolean sequenceAfter(int a, int b) {
        return (short) (a - b) > 0;
    }
}
