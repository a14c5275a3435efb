package io.verbund.acd.storage.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import io.verbund.acd.audio.Wav;
import io.verbund.acd.audio.WavEncoding;
import io.verbund.acd.audio.WavFormat;
import io.verbund.acd.audio.WavHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PromptAudioTest {

    private static final WavFormat MU_LAW_8K_MONO = new WavFormat(WavEncoding.MU_LAW, 1, 8000, 8);

    private final PromptAudio audio = new PromptAudio(Duration.ofMinutes(10));

    @Test
    void pcmAt8000HzBecomesMuLawWavSampleForSample() throws InvalidPrompt {
        short[] samples = {0, 1000, -1000, 32767, -32768};
        byte[] wav = audio.fromWav(pcmWav(samples, 8000, 1));
        Wav out = Wav.read(wav);
        assertThat(out.format()).isEqualTo(MU_LAW_8K_MONO);
        assertThat(out.truncated()).isFalse();
        byte[] expected = new byte[samples.length];
        G711.encode(samples, 0, expected, 0, samples.length, AudioCodec.PCMU);
        assertThat(out.data()).containsExactly(expected);
    }

    @Test
    void theOutputIsAcdCoresHeaderTheSamplesAndThePadByteAfterAnOddCount() throws InvalidPrompt {
        byte[] odd = audio.fromRaw(new byte[] {1, 2, 3}, AudioCodec.PCMU);
        assertThat(Arrays.copyOf(odd, WavHeader.LENGTH)).containsExactly(WavHeader.complete(AudioCodec.PCMU, 1, 3));
        assertThat(Arrays.copyOfRange(odd, WavHeader.LENGTH, odd.length)).containsExactly(1, 2, 3, 0);
        assertThat(riffSize(odd)).isEqualTo(odd.length - 8);

        byte[] even = audio.fromRaw(new byte[] {1, 2}, AudioCodec.PCMU);
        assertThat(even).hasSize(WavHeader.LENGTH + 2);
        assertThat(riffSize(even)).isEqualTo(even.length - 8);
    }

    @Test
    void higherRatesAreResampledKeepingTheTelephoneBand() throws InvalidPrompt {
        for (int rate : new int[] {16000, 44100, 48000}) {
            short[] tone = sine(1000, rate, rate);
            Wav out = Wav.read(audio.fromWav(pcmWav(tone, rate, 1)));
            assertThat(out.format()).isEqualTo(MU_LAW_8K_MONO);
            byte[] data = out.data();
            assertThat(data.length).isBetween(7990, 8000);
            assertThat(crossings(data)).as("zero crossings of 1 kHz at %d Hz", rate).isBetween(1990, 2010);
            assertThat(peak(data)).as("1 kHz keeps its level at %d Hz", rate).isGreaterThan(14000);
        }
        // a 6 kHz tone cannot exist at 8 kHz: the filter must remove it rather than fold it to 2 kHz
        Wav high = Wav.read(audio.fromWav(pcmWav(sine(6000, 48000, 48000), 48000, 1)));
        assertThat(peak(high.data())).isLessThan(1500);
    }

    @Test
    void g711WavsAreKeptAsMuLaw() throws InvalidPrompt {
        byte[] codes = {(byte) 0xD5, (byte) 0x55, 0x2A};
        Wav fromMuLaw = Wav.read(audio.fromWav(wav(7, 1, 8000, 8, codes)));
        assertThat(fromMuLaw.data()).containsExactly(codes);
        Wav fromALaw = Wav.read(audio.fromWav(wav(6, 1, 8000, 8, codes)));
        assertThat(fromALaw.format()).isEqualTo(MU_LAW_8K_MONO);
        for (int i = 0; i < codes.length; i++) {
            assertThat(fromALaw.data()[i]).isEqualTo(G711.alawToUlaw(codes[i]));
        }
    }

    @Test
    void aStereoWavIsRefusedNamingRateAndChannels() {
        assertThatThrownBy(() -> audio.fromWav(pcmWav(new short[200], 44100, 2)))
                .isInstanceOf(InvalidPrompt.class)
                .hasMessage("WAV of 16-bit PCM at 44100 Hz stereo: prompts must be mono")
                .satisfies(e -> assertThat(((InvalidPrompt) e).notAudio()).isFalse());
    }

    @Test
    void otherSampleFormatsAndRatesAreRefusedClearly() {
        assertThatThrownBy(() -> audio.fromWav(wav(1, 1, 8000, 8, new byte[100])))
                .hasMessage("WAV of 8-bit PCM at 8000 Hz mono: PCM prompts must have 16 bits a sample");
        assertThatThrownBy(() -> audio.fromWav(wav(1, 1, 48000, 24, new byte[300])))
                .hasMessage("WAV of 24-bit PCM at 48000 Hz mono: PCM prompts must have 16 bits a sample");
        assertThatThrownBy(() -> audio.fromWav(pcmWav(new short[100], 6000, 1))).hasMessageContaining("at least 8000 Hz");
        assertThatThrownBy(() -> audio.fromWav(wav(7, 1, 16000, 8, new byte[100])))
                .hasMessage("WAV of G.711 µ-law at 16000 Hz mono: G.711 prompts must be at 8000 Hz");
        assertThatThrownBy(() -> audio.fromWav(wav(3, 1, 8000, 32, new byte[400])))
                .isInstanceOf(InvalidPrompt.class)
                .hasMessage("The WAV file cannot be read: format tag 3 (32-bit float) is not PCM (1), A-law (6) or µ-law (7)")
                .satisfies(e -> assertThat(((InvalidPrompt) e).notAudio()).isFalse());
    }

    @Test
    void aBrokenWavIsRefusedWithWhatIsWrong() {
        byte[] noData = Arrays.copyOf(wav(7, 1, 8000, 8, new byte[0]), 36);
        assertThatThrownBy(() -> audio.fromWav(noData)).isInstanceOf(InvalidPrompt.class)
                .hasMessage("The WAV file cannot be read: no data chunk: the file has a format but no audio");
        assertThatThrownBy(() -> audio.fromWav(wav(7, 1, 8000, 8, new byte[0])))
                .hasMessage("WAV of G.711 µ-law at 8000 Hz mono: the prompt has no audio");
    }

    @Test
    void somethingThatIsNoAudioIsRefusedAsSuch() {
        byte[] pdf = "%PDF-1.7 not a prompt".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> audio.fromWav(pdf)).isInstanceOf(InvalidPrompt.class)
                .hasMessageContaining("must be WAV files").hasMessageContaining("'%PDF'")
                .satisfies(e -> assertThat(((InvalidPrompt) e).notAudio()).isTrue());
    }

    @Test
    void aPromptLongerThanTheLimitIsRefused() {
        PromptAudio short10s = new PromptAudio(Duration.ofSeconds(10));
        assertThatThrownBy(() -> short10s.fromRaw(new byte[8000 * 11], AudioCodec.PCMU))
                .hasMessage("G.711 audio lasts 11 s: prompts may last at most 10 s");
        assertThatThrownBy(() -> short10s.fromWav(pcmWav(new short[16000 * 11], 16000, 1)))
                .hasMessage("WAV of 16-bit PCM at 16000 Hz mono lasts 11 s: prompts may last at most 10 s");
    }

    @Test
    void rawALawBecomesMuLaw() throws InvalidPrompt {
        Wav out = Wav.read(audio.fromRaw(new byte[] {(byte) 0xD5, (byte) 0x55}, AudioCodec.PCMA));
        assertThat(out.data()).containsExactly(G711.linearToUlaw((short) 8), G711.linearToUlaw((short) -8));
        Wav mu = Wav.read(audio.fromRaw(new byte[] {1, 2, 3}, AudioCodec.PCMU));
        assertThat(mu.data()).containsExactly(1, 2, 3);
    }

    static byte[] pcmWav(short[] samples, int rate, int channels) {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            data.putShort(sample);
        }
        return wav(1, channels, rate, 16, data.array());
    }

    /** A plain WAV as most tools write it: a 16-byte fmt chunk, then the data. */
    private static byte[] wav(int formatTag, int channels, int rate, int bits, byte[] data) {
        int blockAlign = channels * bits / 8;
        ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) formatTag).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return out.array();
    }

    private static int riffSize(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
    }

    private static short[] sine(int frequency, int rate, int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) Math.round(16000 * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        return samples;
    }

    private static int crossings(byte[] muLaw) {
        int count = 0;
        for (int i = 1; i < muLaw.length; i++) {
            if ((G711.ulawToLinear(muLaw[i - 1]) < 0) != (G711.ulawToLinear(muLaw[i]) < 0)) {
                count++;
            }
        }
        return count;
    }

    private static int peak(byte[] muLaw) {
        int peak = 0;
        for (int i = 100; i < muLaw.length - 100; i++) {
            peak = Math.max(peak, Math.abs(G711.ulawToLinear(muLaw[i])));
        }
        return peak;
    }
}
