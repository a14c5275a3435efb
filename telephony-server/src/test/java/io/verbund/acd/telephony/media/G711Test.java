package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.audio.AudioCodec;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void decodesTheKnownCodes() {
        assertThat(G711.ulawDecode((byte) 0xFF)).isZero();
        assertThat(G711.ulawDecode((byte) 0x80)).isEqualTo(32124);
        assertThat(G711.ulawDecode((byte) 0x00)).isEqualTo(-32124);
        assertThat(G711.alawDecode((byte) 0xD5)).isEqualTo(8);
        assertThat(G711.alawDecode((byte) 0x55)).isEqualTo(-8);
        assertThat(G711.alawDecode((byte) 0xAA)).isEqualTo(32256);
    }

    @Test
    void encodesEveryDecodedCodeBackToItself() {
        for (int code = 0; code < 256; code++) {
            if (code != 0x7F) { // µ-law has two zeros (0x7F and 0xFF); both decode to 0, which encodes as 0xFF
                assertThat(G711.ulawEncode(G711.ulawDecode((byte) code)) & 0xFF).as("µ-law %02x", code).isEqualTo(code);
            }
            assertThat(G711.alawEncode(G711.alawDecode((byte) code)) & 0xFF).as("A-law %02x", code).isEqualTo(code);
        }
    }

    @Test
    void transcodingKeepsTheSampleWithinOneStepOfTheCoarserLaw() {
        for (int pcm = -32000; pcm <= 32000; pcm += 7) {
            byte ulaw = G711.ulawEncode(pcm);
            int viaAlaw = G711.alawDecode(G711.ulawToAlaw(ulaw));
            int direct = G711.ulawDecode(ulaw);
            assertThat(Math.abs(viaAlaw - direct)).as("sample %d", pcm).isLessThanOrEqualTo(Math.max(16, Math.abs(direct) / 16));
        }
        assertThat(G711.ulawToAlaw(AudioCodec.PCMU.silence())).isEqualTo(AudioCodec.PCMA.silence());
    }

    @Test
    void transcodesBuffersAndCopiesWhenTheLawsAgree() {
        byte[] source = {(byte) 0xFF, 0x00, (byte) 0x80, 0x12};
        byte[] same = new byte[4];
        byte[] other = new byte[4];

        G711.transcode(source, 0, AudioCodec.PCMU, same, 0, AudioCodec.PCMU, 4);
        G711.transcode(source, 0, AudioCodec.PCMU, other, 0, AudioCodec.PCMA, 4);

        assertThat(same).isEqualTo(source);
        for (int i = 0; i < 4; i++) {
            assertThat(other[i]).isEqualTo(G711.ulawToAlaw(source[i]));
        }
    }
}
