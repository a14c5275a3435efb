package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import io.verbund.acd.audio.UnreadableWav;
import io.verbund.acd.audio.WavHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    /** 1 kHz at half scale: 8 samples a period. */
    private static short[] tone(int samples) {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(16_000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
        }
        return tone;
    }

    private static byte[] muLaw(short[] linear) {
        byte[] samples = new byte[linear.length];
        G711.encode(linear, 0, samples, 0, linear.length, AudioCodec.PCMU);
        return samples;
    }

    static byte[] muLawWav(byte[] samples) {
        byte[] file = Arrays.copyOf(WavHeader.complete(AudioCodec.PCMU, 1, samples.length),
                WavHeader.LENGTH + samples.length);
        System.arraycopy(samples, 0, file, WavHeader.LENGTH, samples.length);
        return file;
    }

    private static byte[] pcmWav(short[] linear, int rate) {
        ByteBuffer file = ByteBuffer.allocate(44 + 2 * linear.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes()).putInt(36 + 2 * linear.length).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(2 * linear.length);
        for (short sample : linear) {
            file.putShort(sample);
        }
        return file.array();
    }

    @Test
    void cutsAPromptIntoFramesInBothCodecsPaddingTheLastWithSilence(@TempDir Path root) throws IOException {
        byte[] samples = muLaw(tone(400)); // 2.5 frames
        write(root, "en", "welcome", muLawWav(samples));

        Playable welcome = new PromptLibrary(PromptSource.directory(root)).prompt(PromptLanguage.EN, "welcome");

        assertThat(welcome.frameCount()).isEqualTo(3);
        assertThat(welcome.frame(0, AudioCodec.PCMU)).isEqualTo(Arrays.copyOfRange(samples, 0, 160));
        assertThat(Arrays.copyOfRange(welcome.frame(2, AudioCodec.PCMU), 0, 80))
                .isEqualTo(Arrays.copyOfRange(samples, 320, 400));
        assertThat(Arrays.copyOfRange(welcome.frame(2, AudioCodec.PCMU), 80, 160)).containsOnly((byte) 0xFF);
        assertThat(Arrays.copyOfRange(welcome.frame(2, AudioCodec.PCMA), 80, 160)).containsOnly((byte) 0xD5);
        for (int i = 0; i < 160; i++) {
            assertThat(welcome.frame(1, AudioCodec.PCMA)[i]).isEqualTo(G711.ulawToAlaw(samples[160 + i]));
        }
    }

    @Test
    void acceptsSixteenBitPcmAndALawAsTenantsUploadThem() {
        short[] linear = tone(320);
        byte[] alaw = new byte[320];
        G711.encode(linear, 0, alaw, 0, 320, AudioCodec.PCMA);
        byte[] alawWav = Arrays.copyOf(WavHeader.complete(AudioCodec.PCMA, 1, 320), WavHeader.LENGTH + 320);
        System.arraycopy(alaw, 0, alawWav, WavHeader.LENGTH, 320);

        PromptAudio fromPcm = PromptAudio.fromWav(pcmWav(linear, 8000));
        PromptAudio fromAlaw = PromptAudio.fromWav(alawWav);

        assertThat(fromPcm.frame(1, AudioCodec.PCMU)).isEqualTo(Arrays.copyOfRange(muLaw(linear), 160, 320));
        assertThat(fromPcm.frame(1, AudioCodec.PCMA)).isEqualTo(Arrays.copyOfRange(alaw, 160, 320));
        assertThat(fromAlaw.frame(0, AudioCodec.PCMA)).isEqualTo(Arrays.copyOfRange(alaw, 0, 160));
    }

    @Test
    void refusesAudioItWouldHaveToResample() {
        assertThatThrownBy(() -> PromptAudio.fromWav(pcmWav(tone(320), 16_000)))
                .isInstanceOf(UnplayableAudio.class).hasMessageContaining("16000 Hz");
        assertThatThrownBy(() -> PromptAudio.fromWav(new byte[] {1, 2, 3}))
                .isInstanceOf(UnreadableWav.class);
    }

    @Test
    void listsTheFilesItDidNotFindAndRefusesToPlayThem(@TempDir Path root) throws IOException {
        write(root, "de", "welcome", muLawWav(muLaw(tone(160))));

        PromptLibrary library = new PromptLibrary(PromptSource.directory(root));

        assertThat(library.has(PromptLanguage.DE, "welcome")).isTrue();
        assertThat(library.missing()).contains("en/welcome", "de/music-on-hold", "de/number-59")
                .doesNotContain("de/welcome")
                .hasSize(2 * PromptLibrary.NAMES.size() - 1);
        assertThatThrownBy(() -> library.prompt(PromptLanguage.EN, "welcome"))
                .isInstanceOf(UnknownPrompt.class).hasMessage("no system prompt 'welcome' in en");
    }

    @Test
    void namesTheFileThatIsBroken(@TempDir Path root) throws IOException {
        write(root, "en", "menu", "not a wav".getBytes());

        assertThatThrownBy(() -> new PromptLibrary(PromptSource.directory(root)))
                .isInstanceOf(UnreadableWav.class).hasMessageStartingWith("en/menu.wav: ");
    }

    @Test
    void announcesThePlaceAndTheWaitWithPromptsTheLibraryHas() {
        assertThat(PromptLibrary.callerPosition(3)).containsExactly("you-are-caller-number", "number-3");
        assertThat(PromptLibrary.callerPosition(60)).isEmpty();
        assertThat(PromptLibrary.estimatedWait(0)).containsExactly("estimated-wait-is", "less-than-a-minute");
        assertThat(PromptLibrary.estimatedWait(1)).containsExactly("estimated-wait-is", "one-minute");
        assertThat(PromptLibrary.estimatedWait(4)).containsExactly("estimated-wait-is", "number-4", "minutes");
        assertThat(PromptLibrary.estimatedWait(60)).isEmpty();
        assertThat(PromptLibrary.NAMES).containsAll(PromptLibrary.estimatedWait(0)).containsAll(PromptLibrary.estimatedWait(1))
                .containsAll(PromptLibrary.estimatedWait(59)).containsAll(PromptLibrary.callerPosition(59));
    }

    @Test
    void sequenceSkipsEmptyPartsAndRefusesFramesBeyondItsEnd() {
        PromptAudio empty = PromptAudio.fromWav(muLawWav(new byte[0]));
        PromptAudio one = PromptAudio.fromWav(muLawWav(muLaw(tone(160))));
        PromptAudio two = PromptAudio.fromWav(muLawWav(muLaw(tone(320))));

        PromptSequence sequence = PromptSequence.of(empty, one, empty, empty, two, empty);

        assertThat(sequence.frameCount()).isEqualTo(3);
        assertThat(sequence.frame(0, AudioCodec.PCMU)).isSameAs(one.frame(0, AudioCodec.PCMU));
        assertThat(sequence.frame(1, AudioCodec.PCMU)).isSameAs(two.frame(0, AudioCodec.PCMU));
        assertThat(sequence.frame(2, AudioCodec.PCMU)).isSameAs(two.frame(1, AudioCodec.PCMU));
        assertThatThrownBy(() -> sequence.frame(3, AudioCodec.PCMU)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void readsItsFilesFromTheClassPathUnderPrompts() {
        // src/test/resources/prompts/en/beep.wav: sox -D -n -r 8000 -c 1 -e u-law -b 8 beep.wav synth 0.1 sine 1000
        Optional<byte[]> beep = PromptSource.classpath(getClass().getClassLoader()).read(PromptLanguage.EN, "beep");

        assertThat(beep).isPresent();
        assertThat(PromptAudio.fromWav(beep.get()).frameCount()).isEqualTo(5);
        assertThat(PromptSource.classpath(getClass().getClassLoader()).read(PromptLanguage.DE, "no-such-prompt")).isEmpty();
    }

    @Test
    void takesLanguageTagsAsLocalesWriteThem() {
        assertThat(PromptLanguage.ofTag("de-AT")).isEqualTo(PromptLanguage.DE);
        assertThat(PromptLanguage.ofTag("EN")).isEqualTo(PromptLanguage.EN);
        assertThatThrownBy(() -> PromptLanguage.ofTag("fr")).hasMessageContaining("'fr'");
    }

    /** Every prompt one frame long, each frame different, so a test can tell them apart. */
    private static PromptSource oneFramePerPrompt() {
        return (language, name) -> {
            byte[] samples = new byte[160];
            Arrays.fill(samples, (byte) (language.tag() + name).hashCode());
            return Optional.of(muLawWav(samples));
        };
    }

    private static void write(Path root, String language, String name, byte[] file) throws IOException {
        Files.createDirectories(root.resolve(language));
        Files.write(root.resolve(language).resolve(name + ".wav"), file);
    }
}
