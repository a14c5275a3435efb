package io.verbund.acd.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The tables against sox 14.4.2 for every input. The expected digests come from (ramp.raw: the 65 536
 * 16-bit samples -32768..32767 little-endian; codes.raw: the bytes 0..255):
 * <pre>
 * sox -D -t raw -e signed -b 16 -c 1 -r 8000 ramp.raw -t raw -e u-law -b 8 ramp.ul
 * sox -D -t raw -e signed -b 16 -c 1 -r 8000 ramp.raw -t raw -e a-law -b 8 ramp.al
 * sox -D -t raw -e u-law -b 8 -c 1 -r 8000 codes.raw -t raw -e signed -b 16 ulaw-decoded.raw
 * sox -D -t raw -e a-law -b 8 -c 1 -r 8000 codes.raw -t raw -e signed -b 16 alaw-decoded.raw
 * sox -D -t raw -e u-law -b 8 -c 1 -r 8000 codes.raw -t raw -e a-law -b 8 u2a.raw
 * sox -D -t raw -e a-law -b 8 -c 1 -r 8000 codes.raw -t raw -e u-law -b 8 a2u.raw
 * sha256sum ramp.ul ramp.al ulaw-decoded.raw alaw-decoded.raw u2a.raw a2u.raw
 * </pre>
 */
class G711Test {

    @Test
    void encodesEverySampleInMuLawAsSoxDoes() {
        byte[] encoded = new byte[65536];
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            encoded[sample - Short.MIN_VALUE] = G711.linearToUlaw((short) sample);
        }

        assertThat(sha256(encoded)).isEqualTo("cd03795221187036041e2c68724ebbcc497e1844823ff4ab4ac6e61bc5948fb3");
    }

    @Test
    void encodesEverySampleInALawAsSoxDoes() {
        byte[] encoded = new byte[65536];
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            encoded[sample - Short.MIN_VALUE] = G711.linearToAlaw((short) sample);
        }

        assertThat(sha256(encoded)).isEqualTo("9ad77510792fe7c8192acff6bf30d3fe660e5644727b703881516fa61dbabdeb");
    }

    @Test
    void decodesEveryCodeAsSoxDoes() {
        ByteBuffer ulaw = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer alaw = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        for (int code = 0; code < 256; code++) {
            ulaw.putShort(G711.ulawToLinear((byte) code));
            alaw.putShort(G711.alawToLinear((byte) code));
        }

        assertThat(sha256(ulaw.array())).isEqualTo("3dab54339e520bb2c924826e3b72a917a2b612e9fd12fc867500f1d983a75827");
        assertThat(sha256(alaw.array())).isEqualTo("e04788d110e58ff8c70c93b8480190d973e3b67876b6119abbaec766cc75c174");
    }

    @Test
    void convertsBetweenTheLawsAsSoxDoes() {
        byte[] toAlaw = new byte[256];
        byte[] toUlaw = new byte[256];
        for (int code = 0; code < 256; code++) {
            toAlaw[code] = G711.ulawToAlaw((byte) code);
            toUlaw[code] = G711.alawToUlaw((byte) code);
        }

        assertThat(sha256(toAlaw)).isEqualTo("900b4811d1a6381b491b76804dffc5d2298cad7ea0837568d7bd8845176c6caf");
        assertThat(sha256(toUlaw)).isEqualTo("29fe089f9333915612c7283f92586f175e6e9ff5819768e9545c11c87e5bea54");
    }

    @Test
    void keepsSilenceSilentAndTheLoudestLevelsLoudest() {
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo(AudioCodec.PCMU.silence());
        assertThat(G711.linearToAlaw((short) 0)).isEqualTo(AudioCodec.PCMA.silence());
        assertThat(G711.ulawToAlaw(AudioCodec.PCMU.silence())).isEqualTo(AudioCodec.PCMA.silence());
        assertThat(G711.ulawToLinear(AudioCodec.PCMU.silence())).isZero();
        assertThat(G711.linearToUlaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.linearToAlaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToAlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
    }

    @Test
    void reEncodingADecodedCodeGivesTheSameCode() {
        for (int code = 0; code < 256; code++) {
            byte ulaw = (byte) code;
            byte alaw = (byte) code;
            if (code != 0x7F) { // µ-law's negative zero decodes to 0, which encodes as positive zero
                assertThat(G711.linearToUlaw(G711.ulawToLinear(ulaw))).as("µ-law %02x", code).isEqualTo(ulaw);
            }
            assertThat(G711.linearToAlaw(G711.alawToLinear(alaw))).as("A-law %02x", code).isEqualTo(alaw);
        }
    }

    @Test
    void transcodesInPlaceAndCopiesWithinOneCodec() {
        byte[] payload = {(byte) 0xFF, 0x00, 0x7F, (byte) 0x80, 0x12};
        byte[] expected = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            expected[i] = G711.ulawToAlaw(payload[i]);
        }
        byte[] copy = new byte[payload.length];

        G711.transcode(payload, 0, copy, 0, payload.length, AudioCodec.PCMU, AudioCodec.PCMU);
        G711.transcode(payload, 0, payload, 0, payload.length, AudioCodec.PCMU, AudioCodec.PCMA);

        assertThat(copy).containsExactly((byte) 0xFF, 0x00, 0x7F, (byte) 0x80, 0x12);
        assertThat(payload).containsExactly(expected);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
