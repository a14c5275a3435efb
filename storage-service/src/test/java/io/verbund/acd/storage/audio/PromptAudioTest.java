package io.verbund.acd.storage.audio;

import io.verbund.acd.audio.G711;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromptAudioTest {

    private final PromptAudio audio = new PromptAudio(Duration.ofMinutes(10));

    @Test
    void g711EncodesTheStandardCodewords() {
        assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToUlaw((short) 32767)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToUlaw((short) -32768)).isEqualTo((byte) 0x00);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x55)).isEqualTo((short) -8);
        for (int sample = -32768; sample <= 32767; sample += 7) {
            short back = G711.ulawToLinear(G711.linearToUlaw((short) sample));
            // µ-law keeps the sign and loses at most a sixteenth of the magnitude (plus the step near zero)
            assertThat(Math.abs(back - Math.max(-32635, Math.min(32635, sample)))).as("sample %d", sample)
                    .isLessThanOrEqualTo(Math.abs(sample) / 16 + 8);
        }
    }

    @Test
    void pcmAt8000HzBecomesMuLawWavSampleForSample() throws InvalidPrompt {
        short[] samples = {0, 1000, -1000, 32767, -32768};
        byte[] wav = audio.fromWav(pcmWav(samples, 8000, 1));
        Wav out = Wav.read(wav);
        assertThat(out.format).isEqualTo(7);
        assertThat(out.channels).isEqualTo(1);
        assertThat(out.rate).isEqualTo(8000);
        assertThat(out.bits).isEqualTo(8);
        assertThat(out.data).hasSize(5);
        for (int i = 0; i < samples.length; i++) {
            assertThat(out.data[i]).isEqualTo(G711.linearToUlaw((short) samples[i]));
        }
        assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(wav.length - 8);
    }

    @Test
    void higherRatesAreResampledKeepingTheTelephoneBand() throws InvalidPrompt {
        for (int rate : new int[] {16000, 44100, 48000}) {
            short[] tone = sine(1000, rate, rate);
            Wav out = Wav.read(audio.fromWav(pcmWav(tone, rate, 1)));
            assertThat(out.rate).isEqualTo(8000);
            assertThat(out.data.length).isBetween(7990, 8000);
            assertThat(crossings(out.data)).as("zero crossings of 1 kHz at %d Hz", rate).isBetween(1990, 2010);
            assertThat(peak(out.data)).as("1 kHz keeps its level at %d Hz", rate).isGreaterThan(14000);
        }
        // a 6 kHz tone cannot exist at 8 kHz: the filter must remove it rather than fold it to 2 kHz
        Wav high = Wav.read(audio.fromWav(pcmWav(sine(6000, 48000, 48000), 48000, 1)));
        assertThat(peak(high.data)).isLessThan(1500);
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
        byte[] eightBit = pcmWav(new short[100], 8000, 1);
        ByteBuffer.wrap(eightBit).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 8);
        assertThatThrownBy(() -> audio.fromWav(eightBit)).hasMessageContaining("must have 16 bits a sample");
        assertThatThrownBy(() -> audio.fromWav(pcmWav(new short[100], 6000, 1))).hasMessageContaining("at least 8000 Hz");
        byte[] float32 = pcmWav(new short[100], 8000, 1);
        ByteBuffer.wrap(float32).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 3);
        assertThatThrownBy(() -> audio.fromWav(float32)).hasMessageContaining("32-bit float");
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
        assertThatThrownBy(() -> short10s.fromRaw(new byte[8000 * 11], PromptAudio.RawLaw.MU_LAW))
                .hasMessageContaining("lasts 11 s").hasMessageContaining("at most 10 s");
    }

    @Test
    void rawALawBecomesMuLaw() throws InvalidPrompt {
        Wav out = Wav.read(audio.fromRaw(new byte[] {(byte) 0xD5, (byte) 0x55}, PromptAudio.RawLaw.A_LAW));
        assertThat(out.data).containsExactly(G711.linearToUlaw((short) 8), G711.linearToUlaw((short) -8));
        Wav mu = Wav.read(audio.fromRaw(new byte[] {1, 2, 3}, PromptAudio.RawLaw.MU_LAW));
        assertThat(mu.data).containsExactly(1, 2, 3);
    }

    static byte[] pcmWav(short[] samples, int rate, int channels) {
        int data = samples.length * 2;
        ByteBuffer out = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
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

    /** The few fields of a WAV file the tests look at, read independently of the converter. */
    static final class Wav {
        int format;
        int channels;
        int rate;
        int bits;
        byte[] data;

        static Wav read(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            Wav wav = new Wav();
            int position = 12;
            while (position + 8 <= bytes.length) {
                String id = new String(bytes, position, 4, StandardCharsets.US_ASCII);
                int size = in.getInt(position + 4);
                if (id.equals("fmt ")) {
                    wav.format = in.getShort(position + 8);
                    wav.channels = in.getShort(position + 10);
                    wav.rate = in.getInt(position + 12);
                    wav.bits = in.getShort(position + 22);
                } else if (id.equals("data")) {
                    wav.data = java.util.Arrays.copyOfRange(bytes, position + 8, position + 8 + size);
                }
                position += 8 + size + (size & 1);
            }
            return wav;
        }
    }
}
