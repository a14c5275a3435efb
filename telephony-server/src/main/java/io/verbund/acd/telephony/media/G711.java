package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;

/**
 * The G.711 companding laws (ITU-T G.711), used only where the two legs of a bridge negotiated
 * different codecs: a µ-law byte becomes the A-law byte of the same sample through a 256-entry table,
 * so transcoding a packet costs one lookup per byte and allocates nothing.
 */
public final class G711 {

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            ULAW_TO_ALAW[b] = alawEncode(ulawDecode((byte) b));
            ALAW_TO_ULAW[b] = ulawEncode(alawDecode((byte) b));
        }
    }

    private G711() {
    }

    /** The 16-bit linear sample of a µ-law byte. */
    public static int ulawDecode(byte ulaw) {
        int u = ~ulaw & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int sample = ((((u & 0x0F) << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return (u & 0x80) != 0 ? -sample : sample;
    }

    /** The µ-law byte of a 16-bit linear sample (clipped to the law's range). */
    public static byte ulawEncode(int pcm) {
        int sign = (pcm >> 8) & 0x80;
        int magnitude = Math.min(sign != 0 ? -pcm : pcm, ULAW_CLIP) + ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** The 16-bit linear sample of an A-law byte. */
    public static int alawDecode(byte alaw) {
        int a = (alaw ^ 0x55) & 0xFF;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int sample = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? sample : -sample;
    }

    /** The A-law byte of a 16-bit linear sample (clipped to the law's range). */
    public static byte alawEncode(int pcm) {
        int sign = (~pcm >> 8) & 0x80;
        int magnitude = Math.min(sign == 0 ? -pcm : pcm, 32767);
        int code;
        if (magnitude >= 256) {
            int exponent = 7;
            for (int mask = 0x4000; (magnitude & mask) == 0; mask >>= 1) {
                exponent--;
            }
            code = (exponent << 4) | ((magnitude >> (exponent + 3)) & 0x0F);
        } else {
            code = magnitude >> 4;
        }
        return (byte) ((code | sign) ^ 0x55);
    }

    /** The A-law byte of the sample a µ-law byte carries. */
    public static byte ulawToAlaw(byte ulaw) {
        return ULAW_TO_ALAW[ulaw & 0xFF];
    }

    /** The µ-law byte of the sample an A-law byte carries. */
    public static byte alawToUlaw(byte alaw) {
        return ALAW_TO_ULAW[alaw & 0xFF];
    }

    /**
     * Copies {@code length} bytes of audio from {@code source} into {@code target}, converted between
     * the codecs when they differ (a plain copy when they are the same).
     */
    public static void transcode(byte[] source, int sourceOffset, AudioCodec from,
                                 byte[] target, int targetOffset, AudioCodec to, int length) {
        if (from == to) {
            System.arraycopy(source, sourceOffset, target, targetOffset, length);
            return;
        }
        byte[] table = from == AudioCodec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
        for (int i = 0; i < length; i++) {
            target[targetOffset + i] = table[source[sourceOffset + i] & 0xFF];
        }
    }
}
