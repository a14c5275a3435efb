package io.verbund.acd.audio;

/**
 * ITU-T G.711 µ-law and A-law as lookup tables, built once: the relay transcodes every packet of a
 * call between a PCMU phone and a PCMA phone, and prompts are encoded in both codecs when loaded, so a
 * conversion is one array read.
 *
 * <p>G.711 defines µ-law on 14-bit and A-law on 13-bit uniform PCM. The encoders round a 16-bit sample
 * to that width, then apply the standard segment quantiser (µ-law: bias 33, clip at 8159; A-law: even
 * bits inverted): byte for byte what {@code sox -D} writes, checked for all 65 536 inputs. The decoders
 * return the middle of each code's interval, scaled to 16 bits, as sox does.
 *
 * <p>The direct µ-law ↔ A-law tables are "decode, then encode": the other side hears what a
 * transcoding through linear (and sox) would give, without the two lookups. G.711's own conversion
 * tables (Tables 3 and 4, built for tandem transparency) differ from this in under 20 of 128
 * magnitudes, each by one quantisation step, where a level of one law falls on a decision boundary of
 * the other. Silence stays silence one way:
 * µ-law 0xFF becomes A-law 0xD5; A-law has no zero level, so 0xD5 becomes µ-law 0xFE, the smallest
 * level.
 */
public final class G711 {

    /** The µ-law bias and clip level on the 14-bit scale G.711 defines µ-law on. */
    private static final int ULAW_BIAS = 33;
    private static final int ULAW_CLIP = 8159;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] LINEAR_TO_ULAW = new byte[65536];
    private static final byte[] LINEAR_TO_ALAW = new byte[65536];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = decodeUlaw(code);
            ALAW_TO_LINEAR[code] = decodeAlaw(code);
        }
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            LINEAR_TO_ULAW[sample & 0xFFFF] = encodeUlaw(sample);
            LINEAR_TO_ALAW[sample & 0xFFFF] = encodeAlaw(sample);
        }
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = LINEAR_TO_ALAW[ULAW_TO_LINEAR[code] & 0xFFFF];
            ALAW_TO_ULAW[code] = LINEAR_TO_ULAW[ALAW_TO_LINEAR[code] & 0xFFFF];
        }
    }

    private G711() {
    }

    public static byte linearToUlaw(short sample) {
        return LINEAR_TO_ULAW[sample & 0xFFFF];
    }

    public static byte linearToAlaw(short sample) {
        return LINEAR_TO_ALAW[sample & 0xFFFF];
    }

    public static short ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    public static short alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    public static byte ulawToAlaw(byte code) {
        return ULAW_TO_ALAW[code & 0xFF];
    }

    public static byte alawToUlaw(byte code) {
        return ALAW_TO_ULAW[code & 0xFF];
    }

    /** Encodes 16-bit samples in the codec; {@code to} may be {@code from}'s length or longer. */
    public static void encode(short[] from, int fromOffset, byte[] to, int toOffset, int count, AudioCodec codec) {
        byte[] table = codec == AudioCodec.PCMU ? LINEAR_TO_ULAW : LINEAR_TO_ALAW;
        for (int i = 0; i < count; i++) {
            to[toOffset + i] = table[from[fromOffset + i] & 0xFFFF];
        }
    }

    /**
     * Converts G.711 bytes from one codec to the other, in place if {@code from == to}; the same codec
     * copies, so the relay can call this for every packet without asking first.
     */
    public static void transcode(byte[] from, int fromOffset, byte[] to, int toOffset, int count,
            AudioCodec fromCodec, AudioCodec toCodec) {
        if (fromCodec == toCodec) {
            System.arraycopy(from, fromOffset, to, toOffset, count);
            return;
        }
        byte[] table = fromCodec == AudioCodec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
        for (int i = 0; i < count; i++) {
            to[toOffset + i] = table[from[fromOffset + i] & 0xFF];
        }
    }

    /** Decodes one codec's byte to a 16-bit sample. */
    public static short decode(byte code, AudioCodec codec) {
        return codec == AudioCodec.PCMU ? ulawToLinear(code) : alawToLinear(code);
    }

    private static byte encodeUlaw(int sample) {
        // G.711 quantises 14-bit µ-law input; round the 16-bit sample to it, then bias and find the segment.
        int linear = (sample + 2) >> 2;
        int mask = linear < 0 ? 0x7F : 0xFF;
        int magnitude = Math.min(Math.abs(linear), ULAW_CLIP) + ULAW_BIAS;
        int segment = highestBit(magnitude) - 5;
        if (segment > 7) {
            return (byte) (0x7F ^ mask);
        }
        return (byte) (((segment << 4) | ((magnitude >> (segment + 1)) & 0x0F)) ^ mask);
    }

    private static short decodeUlaw(int code) {
        int inverted = ~code & 0xFF;
        int segment = (inverted >> 4) & 0x07;
        int magnitude = ((((inverted & 0x0F) << 3) + 0x84) << segment) - 0x84;
        return (short) ((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static byte encodeAlaw(int sample) {
        // G.711 quantises 13-bit A-law input; round to it. A negative value is taken as its one's
        // complement, so -1 is the smallest negative level just as 0 is the smallest positive one.
        int linear = (sample + 4) >> 3;
        int mask = linear >= 0 ? 0xD5 : 0x55;
        int magnitude = linear >= 0 ? linear : -linear - 1;
        if (magnitude >= 0x1000) {
            return (byte) (0x7F ^ mask);
        }
        int segment = magnitude < 0x20 ? 0 : highestBit(magnitude) - 4;
        int code = segment == 0 ? magnitude >> 1 : (segment << 4) | ((magnitude >> segment) & 0x0F);
        return (byte) (code ^ mask);
    }

    private static int highestBit(int value) {
        return 31 - Integer.numberOfLeadingZeros(value);
    }

    private static short decodeAlaw(int code) {
        int plain = (code ^ 0x55) & 0xFF;
        int segment = (plain >> 4) & 0x07;
        int mantissa = plain & 0x0F;
        int magnitude = segment == 0
                ? (mantissa << 4) + 8
                : ((mantissa << 4) + 0x108) << (segment - 1);
        return (short) ((plain & 0x80) != 0 ? magnitude : -magnitude);
    }
}
