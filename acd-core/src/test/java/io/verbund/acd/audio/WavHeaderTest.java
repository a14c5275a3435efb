package io.verbund.acd.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WavHeaderTest {

    @Test
    void isByteForByteTheHeaderSoxWritesForStereoMuLaw() {
        // sox -D -t raw -e signed -b 16 -c 2 -r 8000 zeros.raw -e u-law -b 8 st.wav (400 samples a channel)
        assertThat(HexFormat.of().formatHex(WavHeader.complete(AudioCodec.PCMU, 2, 800)))
                .isEqualTo("524946465203000057415645666d74201200000007000200401f0000"
                        + "803e00000200080000006661637404000000900100006461746120030000");
    }

    @Test
    void describesMonoALawWithItsSampleCountInTheFactChunk() {
        ByteBuffer header = ByteBuffer.wrap(WavHeader.complete(AudioCodec.PCMA, 1, 16_000))
                .order(ByteOrder.LITTLE_ENDIAN);

        assertThat(header.getInt(4)).isEqualTo(WavHeader.LENGTH - 8 + 16_000);
        assertThat(header.getShort(20)).isEqualTo((short) 6);
        assertThat(header.getShort(22)).isEqualTo((short) 1);
        assertThat(header.getInt(28)).isEqualTo(8000);
        assertThat(header.getShort(32)).isEqualTo((short) 1);
        assertThat(header.getInt(46)).isEqualTo(16_000);
        assertThat(header.getInt(54)).isEqualTo(16_000);
    }

    @Test
    void keepsItsLengthWhileStreamingSoTheFinalHeaderOverwritesItInPlace() {
        byte[] streaming = WavHeader.streaming(AudioCodec.PCMU, 2);
        ByteBuffer header = ByteBuffer.wrap(streaming).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(streaming).hasSize(WavHeader.LENGTH);
        assertThat(header.getInt(4)).isEqualTo(-1);
        assertThat(header.getInt(54)).isEqualTo(-1);
        assertThat(WavHeader.complete(AudioCodec.PCMU, 2, 57_600_000L)).hasSize(WavHeader.LENGTH);
    }

    @Test
    void countsThePadByteOfAnOddLengthInTheRiffSize() {
        ByteBuffer header = ByteBuffer.wrap(WavHeader.complete(AudioCodec.PCMU, 1, 3)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(header.getInt(4)).isEqualTo(WavHeader.LENGTH - 8 + 4);
        assertThat(header.getInt(54)).isEqualTo(3);
    }

    @Test
    void refusesLengthsAWavCannotHold() {
        assertThatThrownBy(() -> WavHeader.complete(AudioCodec.PCMU, 2, 3)).hasMessageContaining("whole samples");
        assertThatThrownBy(() -> WavHeader.complete(AudioCodec.PCMU, 1, 1L << 32)).hasMessageContaining("holds 0 to");
        assertThatThrownBy(() -> WavHeader.streaming(AudioCodec.PCMU, 3)).hasMessageContaining("mono or stereo");
    }
}
