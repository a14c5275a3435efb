package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.verbund.acd.callflow.SystemPrompts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in prompts that telephony-server/src/prompts/generate.sh writes and the repository
 * keeps: each one there in German and English, as the G.711 µ-law, 8 kHz, mono WAV the media path
 * plays without transcoding, with sound in it and of a sensible length. The header is read here
 * rather than by javax.sound, so that the test says exactly which field is wrong.
 */
class SystemPromptFilesTest {

    private static final List<String> LANGUAGES = List.of("de", "en");

    /** WAVE_FORMAT_MULAW in the fmt chunk. */
    private static final int FORMAT_MULAW = 7;
    private static final int SAMPLE_RATE = 8000;
    private static final String MUSIC_ON_HOLD = "music-on-hold";
    private static final double MAX_SECONDS = 30;
    private static final double MAX_MUSIC_SECONDS = 60;

    /** Every prompt the script generates: the call flows' system prompts and the queue's announcements. */
    static List<String> names() {
        List<String> names = new ArrayList<>(List.of("welcome", "greeting", "menu", "invalid", "closed",
                "voicemail", "goodbye", "please-hold", MUSIC_ON_HOLD, "recording-notice", "all-agents-busy",
                "you-are-caller-number", "estimated-wait-is", "minute", "minutes", "one-minute",
                "less-than-a-minute", "beep", "supervision-notice"));
        IntStream.rangeClosed(0, 59).forEach(n -> names.add("number-" + n));
        return names;
    }

    static Stream<Arguments> prompts() {
        return LANGUAGES.stream().flatMap(language -> names().stream().map(name -> Arguments.of(language, name)));
    }

    @Test
    void everySystemPromptACallFlowMayNameHasAFile() {
        assertThat(names()).containsAll(SystemPrompts.NAMES);
    }

    /** A generated file the library does not load is never played: the supervision notice was so once. */
    @Test
    void theNodesPromptLibraryLoadsEveryGeneratedPrompt() {
        PromptLibrary library = new PromptLibrary(PromptSource.classpath(getClass().getClassLoader()));

        for (String language : LANGUAGES) {
            assertThat(names()).as(language).allMatch(name -> library.has(PromptLanguage.ofTag(language), name));
        }
    }

    @ParameterizedTest(name = "{0}/{1}.wav")
    @MethodSource("prompts")
    void isMuLawEightKilohertzMonoWavWithSoundOfASensibleLength(String language, String name) throws IOException {
        String resource = "prompts/" + language + "/" + name + ".wav";
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                fail("%s is not on the classpath; run telephony-server/src/prompts/generate.sh", resource);
            }
            bytes = in.readAllBytes();
        }

        Wav wav = Wav.parse(resource, bytes);

        assertThat(wav.formatTag()).as("%s: fmt tag (7 = µ-law)", resource).isEqualTo(FORMAT_MULAW);
        assertThat(wav.channels()).as("%s: channels", resource).isEqualTo(1);
        assertThat(wav.sampleRate()).as("%s: sample rate", resource).isEqualTo(SAMPLE_RATE);
        assertThat(wav.bitsPerSample()).as("%s: bits per sample", resource).isEqualTo(8);
        assertThat(wav.blockAlign()).as("%s: block align", resource).isEqualTo(1);
        assertThat(wav.byteRate()).as("%s: byte rate", resource).isEqualTo(SAMPLE_RATE);
        assertThat(wav.dataLength()).as("%s: data bytes", resource).isPositive();

        double seconds = (double) wav.dataLength() / SAMPLE_RATE;
        assertThat(seconds).as("%s: seconds", resource)
                .isLessThanOrEqualTo(name.equals(MUSIC_ON_HOLD) ? MAX_MUSIC_SECONDS : MAX_SECONDS);
        // Speech has sound in a third or more of its samples, tones and music in most; a tenth is
        // far from the 0.1 s of silence at either end of a short word.
        assertThat(wav.loudSamples()).as("%s: samples that are not near silence", resource)
                .isGreaterThanOrEqualTo(wav.dataLength() / 10);
    }

    /** The fields of a WAV file that say how to play it, and what its data chunk holds. */
    private record Wav(int formatTag, int channels, int sampleRate, int byteRate, int blockAlign, int bitsPerSample,
            int dataLength, int loudSamples) {

        /**
         * µ-law codes whose magnitude is at least this (of 127; exponent 2, about -38 dBFS) count as
         * sound rather than silence.
         */
        private static final int LOUD = 32;

        static Wav parse(String resource, byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(bytes.length).as("%s: length", resource).isGreaterThanOrEqualTo(12);
            assertThat(fourCc(buffer)).as("%s: RIFF id", resource).isEqualTo("RIFF");
            int riffLength = buffer.getInt();
            assertThat(riffLength).as("%s: RIFF length", resource).isEqualTo(bytes.length - 8);
            assertThat(fourCc(buffer)).as("%s: form type", resource).isEqualTo("WAVE");

            Integer formatTag = null;
            int channels = 0;
            int sampleRate = 0;
            int byteRate = 0;
            int blockAlign = 0;
            int bitsPerSample = 0;
            while (buffer.remaining() >= 8) {
                String id = fourCc(buffer);
                int length = buffer.getInt();
                assertThat(length).as("%s: length of chunk %s", resource, id)
                        .isBetween(0, buffer.remaining());
                int start = buffer.position();
                if (id.equals("fmt ")) {
                    assertThat(length).as("%s: fmt chunk length", resource).isGreaterThanOrEqualTo(16);
                    formatTag = Short.toUnsignedInt(buffer.getShort());
                    channels = Short.toUnsignedInt(buffer.getShort());
                    sampleRate = buffer.getInt();
                    byteRate = buffer.getInt();
                    blockAlign = Short.toUnsignedInt(buffer.getShort());
                    bitsPerSample = Short.toUnsignedInt(buffer.getShort());
                } else if (id.equals("data")) {
                    assertThat(formatTag).as("%s: fmt chunk before data", resource).isNotNull();
                    int loud = 0;
                    for (int i = start; i < start + length; i++) {
                        // µ-law stores the sign, exponent and mantissa inverted: the complement's low
                        // seven bits grow with the magnitude (0xFF and 0x7F are silence).
                        if (((~bytes[i]) & 0x7F) >= LOUD) {
                            loud++;
                        }
                    }
                    return new Wav(formatTag, channels, sampleRate, byteRate, blockAlign, bitsPerSample, length, loud);
                }
                // Chunks are padded to an even length.
                buffer.position(start + length + (length & 1));
            }
            return fail("%s: no data chunk", resource);
        }

        private static String fourCc(ByteBuffer buffer) {
            byte[] id = new byte[4];
            buffer.get(id);
            return new String(id, StandardCharsets.US_ASCII);
        }
    }
}
