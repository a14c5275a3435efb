package io.verbund.acd.telephony.media.srtp;

import java.util.Objects;

/**
 * SRTP and SRTCP (RFC 3711) for one leg: what it sends is protected with our master key, what it
 * receives is checked and decrypted with the peer's. Every method works in place on the caller's
 * buffer and allocates nothing; a send buffer needs {@link SrtpSuite#MAX_TAG_LENGTH} (RTCP: 14)
 * bytes of room past the packet.
 * <p>
 * Thread rules: the sending RTP side is used under the leg's send lock (pacer or relay), the
 * receiving side and both RTCP sides by the receive thread only.
 */
public final class SrtpSession {

    /** Results of the unprotect methods (a length otherwise). */
    public static final int MALFORMED = -1;
    public static final int AUTHENTICATION_FAILED = -2;
    public static final int REPLAYED = -3;

    private static final int RTCP_HEADER = 8;
    private static final int RTCP_INDEX = 4;
    private static final int E_FLAG = 0x80000000;
    private static final int RTCP_INDEX_MASK = 0x7FFFFFFF;

    private final SrtpSuite suite;
    private final SrtpMasterKey localKey;
    private final SrtpMasterKey remoteKey;
    private final SessionKeys sendRtp;
    private final SessionKeys sendRtcp;
    private final SessionKeys receiveRtp;
    private final SessionKeys receiveRtcp;

    private boolean sendStarted;
    private int sendHighest;
    private long sendRoc;
    private int sendRtcpIndex;

    private boolean receiveStarted;
    private int receiveSsrc;
    private int receiveHighest;
    private long receiveRoc;
    private final ReplayWindow rtpWindow = new ReplayWindow();
    private final ReplayWindow rtcpWindow = new ReplayWindow();

    public SrtpSession(SrtpSuite suite, SrtpMasterKey localKey, SrtpMasterKey remoteKey) {
        this.suite = Objects.requireNonNull(suite);
        this.localKey = Objects.requireNonNull(localKey);
        this.remoteKey = Objects.requireNonNull(remoteKey);
        this.sendRtp = new SessionKeys(localKey, SessionKeys.RTP);
        this.sendRtcp = new SessionKeys(localKey, SessionKeys.RTCP);
        this.receiveRtp = new SessionKeys(remoteKey, SessionKeys.RTP);
        this.receiveRtcp = new SessionKeys(remoteKey, SessionKeys.RTCP);
    }

    /** Whether this session already runs with these parameters (a re-INVITE that changed nothing keeps its state). */
    public boolean runs(SrtpSuite suite, SrtpMasterKey localKey, SrtpMasterKey remoteKey) {
        return this.suite == suite && this.localKey.equals(localKey) && this.remoteKey.equals(remoteKey);
    }

    public SrtpSuite suite() {
        return suite;
    }

    /**
     * Encrypts the payload of the RTP packet in {@code packet[0, length)} and appends the tag.
     *
     * @return the SRTP packet's length, or {@link #MALFORMED} when it is no RTP packet
     */
    public int protectRtp(byte[] packet, int length) {
        int header = headerLength(packet, length);
        if (header < 0) {
            return MALFORMED;
        }
        int sequence = sequence(packet);
        long index;
        if (!sendStarted) {
            sendStarted = true;
            sendHighest = sequence;
            sendRoc = 0;
            index = sequence;
        } else {
            // The relay can send a packet after a later one: the sender, too, places it by estimate.
            index = estimateIndex(sequence, sendHighest, sendRoc);
            if (index < 0) {
                return MALFORMED;
            }
            if (index > (sendRoc << 16 | sendHighest)) {
                sendHighest = sequence;
                sendRoc = index >>> 16;
            }
        }
        sendRtp.crypt(ssrc(packet, 8), index, packet, header, length - header);
        sendRtp.authenticate(packet, length, (int) (index >>> 16));
        int tagLength = suite.rtpTagLength();
        System.arraycopy(sendRtp.tag, 0, packet, length, tagLength);
        return length + tagLength;
    }

    /**
     * Checks and decrypts the SRTP packet in {@code packet[0, length)}: replayed packets (and ones
     * older than the window) are refused before, forged ones by their tag; only an authentic packet
     * moves the rollover counter and the replay window.
     *
     * @return the RTP packet's length, or {@link #MALFORMED}, {@link #AUTHENTICATION_FAILED}, {@link #REPLAYED}
     */
    public int unprotectRtp(byte[] packet, int length) {
        int tagLength = suite.rtpTagLength();
        int end = length - tagLength;
        int header = headerLength(packet, end);
        if (header < 0) {
            return MALFORMED;
        }
        int sequence = sequence(packet);
        int ssrc = ssrc(packet, 8);
        boolean newSource = !receiveStarted || ssrc != receiveSsrc;
        long index = newSource ? sequence : estimateIndex(sequence, receiveHighest, receiveRoc);
        if (index < 0 || !newSource && !rtpWindow.fresh(index)) {
            return REPLAYED;
        }
        receiveRtp.authenticate(packet, end, (int) (index >>> 16));
        if (!receiveRtp.tagMatches(packet, end, tagLength)) {
            return AUTHENTICATION_FAILED;
        }
        receiveRtp.crypt(ssrc, index, packet, header, end - header);
        if (newSource) {
            // RFC 3711 §3.3.1: a receiver starts a source's ROC at 0 and s_l at its first sequence number.
            receiveStarted = true;
            receiveSsrc = ssrc;
            receiveHighest = sequence;
            receiveRoc = 0;
            rtpWindow.reset();
        } else if (index > (receiveRoc << 16 | receiveHighest)) {
            receiveHighest = sequence;
            receiveRoc = index >>> 16;
        }
        rtpWindow.accept(index);
        return end;
    }

    /**
     * Encrypts a compound RTCP packet behind its first 8 bytes and appends E flag, SRTCP index and
     * the 80-bit tag (RFC 3711 §3.4): 14 more bytes.
     *
     * @return the SRTCP packet's length, or {@link #MALFORMED} when it is shorter than an RTCP header
     */
    public int protectRtcp(byte[] packet, int length) {
        if (length < RTCP_HEADER) {
            return MALFORMED;
        }
        int index = sendRtcpIndex;
        sendRtcpIndex = (index + 1) & RTCP_INDEX_MASK;
        sendRtcp.crypt(ssrc(packet, 4), index, packet, RTCP_HEADER, length - RTCP_HEADER);
        writeInt(packet, length, E_FLAG | index);
        sendRtcp.authenticate(packet, length + RTCP_INDEX);
        System.arraycopy(sendRtcp.tag, 0, packet, length + RTCP_INDEX, SrtpSuite.RTCP_TAG_LENGTH);
        return length + RTCP_INDEX + SrtpSuite.RTCP_TAG_LENGTH;
    }

    /**
     * Checks and decrypts an SRTCP packet. One without the E flag is refused as malformed: sending
     * RTCP unencrypted needs {@code UNENCRYPTED_SRTCP}, a session parameter we never accept.
     *
     * @return the RTCP packet's length, or {@link #MALFORMED}, {@link #AUTHENTICATION_FAILED}, {@link #REPLAYED}
     */
    public int unprotectRtcp(byte[] packet, int length) {
        int end = length - SrtpSuite.RTCP_TAG_LENGTH - RTCP_INDEX;
        if (end < RTCP_HEADER || (packet[0] & 0xC0) != 0x80) {
            return MALFORMED;
        }
        int flagged = ssrc(packet, end);
        if ((flagged & E_FLAG) == 0) {
            return MALFORMED;
        }
        int index = flagged & RTCP_INDEX_MASK;
        if (!rtcpWindow.fresh(index)) {
            return REPLAYED;
        }
        receiveRtcp.authenticate(packet, end + RTCP_INDEX);
        if (!receiveRtcp.tagMatches(packet, end + RTCP_INDEX, SrtpSuite.RTCP_TAG_LENGTH)) {
            return AUTHENTICATION_FAILED;
        }
        receiveRtcp.crypt(ssrc(packet, 4), index, packet, RTCP_HEADER, end - RTCP_HEADER);
        rtcpWindow.accept(index);
        return end;
    }

    /**
     * RFC 3711 §3.3.1 (Appendix A): the index of a packet with sequence number {@code sequence},
     * given the highest sequence number {@code highest} seen with rollover counter {@code roc}: the
     * one of ROC−1, ROC, ROC+1 that puts it nearest. Negative before the stream's first packet.
     */
    static long estimateIndex(int sequence, int highest, long roc) {
        long v;
        if (highest < 0x8000) {
            v = sequence - highest > 0x8000 ? roc - 1 : roc;
        } else {
            v = highest - 0x8000 > sequence ? roc + 1 : roc;
        }
        return v < 0 ? -1 : v << 16 | sequence;
    }

    /** The RTP header's length (fixed part, CSRCs, extension) if it fits in {@code length}; else -1. */
    private static int headerLength(byte[] packet, int length) {
        if (length < 12 || (packet[0] & 0xC0) != 0x80) {
            return -1;
        }
        int offset = 12 + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return -1;
            }
            offset += 4 + 4 * (((packet[offset + 2] & 0xFF) << 8) | (packet[offset + 3] & 0xFF));
        }
        return offset <= length ? offset : -1;
    }

    private static int sequence(byte[] packet) {
        return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
    }

    private static int ssrc(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16) | ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    }

    private static void writeInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >> 24);
        target[offset + 1] = (byte) (value >> 16);
        target[offset + 2] = (byte) (value >> 8);
        target[offset + 3] = (byte) value;
    }

    @Override
    public String toString() {
        return "SrtpSession[" + suite + "]";
    }
}
