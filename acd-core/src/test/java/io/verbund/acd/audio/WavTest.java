package io.verbund.acd.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WavTest {

    /**
     * The header sox writes for 400 stereo µ-law samples:
     * {@code sox -D -t raw -e signed -b 16 -c 2 -r 8000 zeros.raw -e u-law -b 8 st.wav}.
     */
    private static final String SOX_STEREO_MULAW_HEADER = "524946465203000057415645666d74201200000007000200401f0000"
            + "803e00000200080000006661637404000000900100006461746120030000";

    @Test
    void readsAStereoMuLawFileAsSoxWritesIt() {
        byte[] file = concat(HexFormat.of().parseHex(SOX_STEREO_MULAW_HEADER), filled(800, (byte) 0xFF));

        Wav wav = Wav.read(file);

        assertThat(wav.format()).isEqualTo(WavFormat.g711(AudioCodec.PCMU, 2));
        assertThat(wav.sampleFrames()).isEqualTo(400);
        assertThat(wav.truncated()).isFalse();
        assertThat(wav.channel(1)).containsOnly((byte) 0xFF).hasSize(400);
    }

    @Test
    void readsALawAndSixteenBitPcm() {
        byte[] alaw = RiffBuilder.wave().fmt(6, 1, 8000, 1, 8).chunk("data", new byte[] {(byte) 0xD5, 0x2A}).build();
        byte[] pcm = RiffBuilder.wave().fmt(1, 1, 8000, 2, 16)
                .chunk("data", le16((short) 1000, (short) -1000, Short.MIN_VALUE)).build();

        assertThat(Wav.read(alaw).format().encoding()).isEqualTo(WavEncoding.A_LAW);
        assertThat(Wav.read(alaw).channel(0)).containsExactly((byte) 0xD5, 0x2A);
        assertThat(Wav.read(pcm).linearChannel(0)).containsExactly((short) 1000, (short) -1000, Short.MIN_VALUE);
    }

    @Test
    void readsTheSubFormatOfWaveFormatExtensible() {
        byte[] file = RiffBuilder.wave().extensibleFmt(7, 1, 8000, 8).chunk("data", new byte[] {1, 2, 3}).build();

        Wav wav = Wav.read(file);

        assertThat(wav.format().encoding()).isEqualTo(WavEncoding.MU_LAW);
        assertThat(wav.channel(0)).containsExactly(1, 2, 3);
    }

    @Test
    void skipsChunksItDoesNotKnowIncludingTheirPadByte() {
        byte[] file = RiffBuilder.wave()
                .chunk("LIST", "INFOISFT\u0003\0\0\0sox".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .fmt(7, 1, 8000, 1, 8)
                .chunk("fact", new byte[] {3, 0, 0, 0})
                .chunk("junk", new byte[] {9})
                .chunk("data", new byte[] {4, 5, 6})
                .build();

        assertThat(Wav.read(file).channel(0)).containsExactly(4, 5, 6);
    }

    @Test
    void readsARecordingStillInProgressUpToTheLastWholeBlock() {
        byte[] unknownSize = RiffBuilder.wave().riffSize(-1).fmt(7, 2, 8000, 2, 8)
                .chunk("data", 0xFFFFFFFFL, new byte[] {1, 2, 3, 4, 5}).build();
        byte[] sizeBeyondTheFile = RiffBuilder.wave().fmt(7, 2, 8000, 2, 8)
                .chunk("data", 1_000_000, new byte[] {1, 2, 3, 4}).build();

        Wav inProgress = Wav.read(unknownSize);
        Wav cutOff = Wav.read(sizeBeyondTheFile);

        assertThat(inProgress.truncated()).isTrue();
        assertThat(inProgress.data()).containsExactly(1, 2, 3, 4);
        assertThat(inProgress.channel(0)).containsExactly(1, 3);
        assertThat(inProgress.channel(1)).containsExactly(2, 4);
        assertThat(cutOff.truncated()).isTrue();
        assertThat(cutOff.sampleFrames()).isEqualTo(2);
    }

    @Test
    void readsBackWhatItsOwnHeaderDescribes() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        byte[] streaming = concat(WavHeader.streaming(AudioCodec.PCMA, 2), data);
        byte[] complete = concat(WavHeader.complete(AudioCodec.PCMA, 2, data.length), data);

        assertThat(Wav.read(streaming).truncated()).isTrue();
        assertThat(Wav.read(streaming).data()).containsExactly(data);
        assertThat(Wav.read(complete).truncated()).isFalse();
        assertThat(Wav.read(complete).format()).isEqualTo(WavFormat.g711(AudioCodec.PCMA, 2));
        assertThat(Wav.read(complete).channel(0)).containsExactly(1, 3, 5);
    }

    @Test
    void namesWhatIsWrongWithAFileItCannotRead() {
        assertUnreadable(new byte[5], "too few");
        assertUnreadable("RIFX\0\0\0\0WAVE".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "'RIFX', not 'RIFF'");
        assertUnreadable("RIFF\0\0\0\0AVI ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "'AVI ', not 'WAVE'");
        assertUnreadable(RiffBuilder.wave().chunk("data", new byte[2]).build(), "data chunk comes before any fmt");
        assertUnreadable(RiffBuilder.wave().chunk("LIST", new byte[2]).build(), "no fmt chunk");
        assertUnreadable(RiffBuilder.wave().fmt(7, 1, 8000, 1, 8).build(), "no data chunk");
        assertUnreadable(RiffBuilder.wave().fmt(85, 1, 8000, 1, 8).chunk("data", new byte[2]).build(),
                "format tag 85");
        assertUnreadable(RiffBuilder.wave().fmt(7, 2, 8000, 1, 8).chunk("data", new byte[2]).build(),
                "block align is 1");
        assertUnreadable(RiffBuilder.wave().fmt(7, 1, 8000, 2, 16).chunk("data", new byte[2]).build(),
                "must have 8 bits");
        assertUnreadable(RiffBuilder.wave().fmt(1, 0, 8000, 2, 16).chunk("data", new byte[2]).build(), "0 channels");
        assertUnreadable(RiffBuilder.wave().chunk("fmt ", new byte[10]).chunk("data", new byte[2]).build(),
                "fmt chunk is 10 bytes");
        assertUnreadable(RiffBuilder.wave().chunk("fmt ", 16, new byte[4]).build(), "fmt chunk says 16 bytes");
    }

    @Test
    void tellsAFileThatIsNoWavFromABrokenWav() {
        assertThatThrownBy(() -> Wav.read("%PDF-1.7 not audio".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isInstanceOf(NotAWav.class).hasMessage("not a WAV: the file starts with '%PDF', not 'RIFF'");
        assertThatThrownBy(() -> Wav.read(new byte[0])).isInstanceOf(NotAWav.class);
        assertThatThrownBy(() -> Wav.read(RiffBuilder.wave().fmt(7, 1, 8000, 1, 8).build()))
                .isInstanceOf(UnreadableWav.class).isNotInstanceOf(NotAWav.class);
    }

    @Test
    void namesTheCommonFormatsItDoesNotRead() {
        assertUnreadable(RiffBuilder.wave().fmt(3, 1, 8000, 4, 32).chunk("data", new byte[4]).build(),
                "format tag 3 (32-bit float) is not PCM (1), A-law (6) or µ-law (7)");
        assertUnreadable(RiffBuilder.wave().fmt(0x55, 1, 8000, 1, 8).chunk("data", new byte[2]).build(),
                "format tag 85 (MP3)");
    }

    private static void assertUnreadable(byte[] file, String reason) {
        assertThatThrownBy(() -> Wav.read(file)).isInstanceOf(UnreadableWav.class).hasMessageContaining(reason);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] le16(short... samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
    }
}
