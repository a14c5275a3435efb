package io.verbund.acd.storage.audio;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import io.verbund.acd.audio.NotAWav;
import io.verbund.acd.audio.UnreadableWav;
import io.verbund.acd.audio.Wav;
import io.verbund.acd.audio.WavFormat;
import io.verbund.acd.audio.WavHeader;
import java.time.Duration;
import java.util.Arrays;

/**
 * Turns an uploaded announcement into what the media path plays without converting: G.711 µ-law,
 * 8000 Hz, mono, in a WAV file. Accepted input: a WAV file of 16-bit PCM (8000 Hz or higher,
 * resampled), or of G.711 µ-law or A-law at 8000 Hz, always mono; or raw G.711 bytes, whose
 * law the caller knows from the content type. Anything else is refused with a reason a person
 * can act on. Longer than {@code maxLength} is refused as well. Reading and writing the WAV are
 * acd-core's ({@link Wav}, {@link WavHeader}), so an upload is read as the telephony server reads it.
 */
public final class PromptAudio {

    private final Duration maxLength;

    public PromptAudio(Duration maxLength) {
        this.maxLength = maxLength;
    }

    /** Converts a WAV file. */
    public byte[] fromWav(byte[] file) throws InvalidPrompt {
        Wav wav = read(file);
        WavFormat format = wav.format();
        String described = "WAV of " + encodingName(format) + " at " + format.sampleRate() + " Hz "
                + channelName(format.channels());
        if (format.channels() != 1) {
            throw new InvalidPrompt(described + ": prompts must be mono", false);
        }
        return switch (format.encoding()) {
            case PCM -> {
                if (format.bitsPerSample() != 16) {
                    throw new InvalidPrompt(described + ": PCM prompts must have 16 bits a sample", false);
                }
                if (format.sampleRate() < Resampler.TARGET_RATE) {
                    throw new InvalidPrompt(described + ": the sample rate must be at least 8000 Hz", false);
                }
                checkLength(wav.sampleFrames(), format.sampleRate(), described);
                short[] samples = Resampler.to8000(wav.linearChannel(0), format.sampleRate());
                byte[] muLaw = new byte[samples.length];
                G711.encode(samples, 0, muLaw, 0, samples.length, AudioCodec.PCMU);
                yield muLawWav(muLaw, described);
            }
            case MU_LAW, A_LAW -> {
                if (format.sampleRate() != AudioCodec.SAMPLE_RATE) {
                    throw new InvalidPrompt(described + ": G.711 prompts must be at 8000 Hz", false);
                }
                yield fromG711(wav.channel(0), format.encoding().codec().orElseThrow(), described);
            }
        };
    }

    /** Wraps raw G.711 (8000 bytes a second) of either codec into a µ-law WAV file. */
    public byte[] fromRaw(byte[] g711, AudioCodec codec) throws InvalidPrompt {
        return fromG711(g711, codec, "G.711 audio");
    }

    private static Wav read(byte[] file) throws InvalidPrompt {
        try {
            return Wav.read(file);
        } catch (NotAWav notAWav) {
            throw new InvalidPrompt("Prompts must be WAV files (RIFF/WAVE) or raw G.711 sent as audio/basic, audio/PCMU "
                    + "or audio/PCMA; this one is " + notAWav.getMessage(), true);
        } catch (UnreadableWav unreadable) {
            throw new InvalidPrompt("The WAV file cannot be read: " + unreadable.getMessage(), false);
        }
    }

    private byte[] fromG711(byte[] g711, AudioCodec codec, String described) throws InvalidPrompt {
        checkLength(g711.length, AudioCodec.SAMPLE_RATE, described);
        byte[] muLaw = new byte[g711.length];
        G711.transcode(g711, 0, muLaw, 0, g711.length, codec, AudioCodec.PCMU);
        return muLawWav(muLaw, described);
    }

    private void checkLength(long samples, int rate, String described) throws InvalidPrompt {
        if (samples == 0) {
            throw new InvalidPrompt(described + ": the prompt has no audio", false);
        }
        long millis = samples * 1000 / rate;
        if (millis > maxLength.toMillis()) {
            throw new InvalidPrompt(described + " lasts " + millis / 1000 + " s: prompts may last at most "
                    + maxLength.toSeconds() + " s", false);
        }
    }

    /** acd-core's µ-law header (with the fact chunk sox writes), the samples, and RIFF's pad byte after an odd count. */
    private static byte[] muLawWav(byte[] muLaw, String described) throws InvalidPrompt {
        if (muLaw.length == 0) {
            // a handful of samples at a high rate can resample to none
            throw new InvalidPrompt(described + ": the prompt has no audio", false);
        }
        byte[] file = Arrays.copyOf(WavHeader.complete(AudioCodec.PCMU, 1, muLaw.length),
                WavHeader.LENGTH + muLaw.length + (muLaw.length & 1));
        System.arraycopy(muLaw, 0, file, WavHeader.LENGTH, muLaw.length);
        return file;
    }

    private static String encodingName(WavFormat format) {
        return switch (format.encoding()) {
            case PCM -> format.bitsPerSample() + "-bit PCM";
            case MU_LAW -> "G.711 µ-law";
            case A_LAW -> "G.711 A-law";
        };
    }

    private static String channelName(int channels) {
        return switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " channels";
        };
    }
}
