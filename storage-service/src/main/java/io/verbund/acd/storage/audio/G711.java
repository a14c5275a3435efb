package io.verbund.acd.storage.audio;

/**
 * The two G.711 companding laws (ITU-T G.711), computed rather than tabled: 16-bit linear samples
 * to µ-law and back, and A-law to linear. The µ-law encoder is the standard one (bias 0x84, clip
 * at 32635) with no dither, so the same input always gives the same bytes.
 */
public final class G711 {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private G711() {
    }

    public static byte linearToMuLaw(int sample) {
        int sign = 0;
        int magnitude = sample;
        if (magnitude < 0) {
            magnitude = -magnitude;
            sign = 0x80;
        }
        if (magnitude > CLIP) {
            magnitude = CLIP;
        }
        magnitude += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short muLawToLinear(byte encoded) {
        int u = ~encoded & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    public static short aLawToLinear(byte encoded) {
        int a = (encoded & 0xFF) ^ 0x55;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
