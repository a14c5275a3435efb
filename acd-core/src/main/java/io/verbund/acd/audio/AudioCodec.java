package io.verbund.acd.audio;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two G.711 codecs every telephone speaks: eight bits a sample, 8000 samples a second, so a
 * 20 ms RTP packet carries 160 bytes. The static RTP payload types of RFC 3551.
 */
public enum AudioCodec {

    PCMU(0, "PCMU", (byte) 0xFF),
    PCMA(8, "PCMA", (byte) 0xD5);

    public static final int SAMPLE_RATE = 8000;
    public static final int SAMPLES_PER_FRAME = 160;

    private final int payloadType;
    private final String encodingName;
    private final byte silence;

    AudioCodec(int payloadType, String encodingName, byte silence) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
        this.silence = silence;
    }

    public int payloadType() {
        return payloadType;
    }

    /** As SDP's {@code a=rtpmap} names it. */
    public String encodingName() {
        return encodingName;
    }

    /** The byte of a zero sample, for filling gaps. */
    public byte silence() {
        return silence;
    }

    public static Optional<AudioCodec> ofPayloadType(int payloadType) {
        return Arrays.stream(values()).filter(codec -> codec.payloadType == payloadType).findFirst();
    }

    public static Optional<AudioCodec> ofEncodingName(String name) {
        return Arrays.stream(values()).filter(codec -> codec.encodingName.equalsIgnoreCase(name)).findFirst();
    }
}
