package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.G711;
import io.verbund.acd.audio.Wav;
import io.verbund.acd.audio.WavEncoding;
import io.verbund.acd.audio.WavFormat;
import java.util.Arrays;

/**
 * One prompt cut into 20 ms frames in both codecs when it is loaded, so playing it costs a lookup and
 * a copy into the packet; the last frame is filled up with silence. Immutable and shared by every call
 * that plays it.
 *
 * <p>A G.711 file is taken as it is for its own codec (the bytes the prompt script wrote are the bytes
 * sent) and converted with {@link G711}'s direct table for the other; 16-bit PCM is encoded for both.
 */
public final class PromptAudio implements Playable {

    private final byte[][] pcmu;
    private final byte[][] pcma;

    private PromptAudio(byte[][] pcmu, byte[][] pcma) {
        this.pcmu = pcmu;
        this.pcma = pcma;
    }

    /**
     * A WAV's audio as a prompt: a tenant's upload as the storage service returns it, or a system
     * prompt's file. Throws {@link io.verbund.acd.audio.UnreadableWav} for a file that is not a WAV and
     * {@link UnplayableAudio} for one that is not 8 kHz mono.
     */
    public static PromptAudio fromWav(byte[] file) {
        return fromWav(Wav.read(file));
    }

    public static PromptAudio fromWav(Wav wav) {
        WavFormat format = wav.format();
        if (format.channels() != 1 || format.sampleRate() != AudioCodec.SAMPLE_RATE
                || (format.encoding() == WavEncoding.PCM && format.bitsPerSample() != 16)) {
            throw new UnplayableAudio(format);
        }
        byte[] ulaw;
        byte[] alaw;
        switch (format.encoding()) {
            case MU_LAW -> {
                ulaw = wav.channel(0);
                alaw = new byte[ulaw.length];
                G711.transcode(ulaw, 0, alaw, 0, ulaw.length, AudioCodec.PCMU, AudioCodec.PCMA);
            }
            case A_LAW -> {
                alaw = wav.channel(0);
                ulaw = new byte[alaw.length];
                G711.transcode(alaw, 0, ulaw, 0, alaw.length, AudioCodec.PCMA, AudioCodec.PCMU);
            }
            default -> {
                return fromLinear(wav.linearChannel(0));
            }
        }
        return new PromptAudio(frames(ulaw, AudioCodec.PCMU), frames(alaw, AudioCodec.PCMA));
    }

    /** 16-bit linear samples at 8 kHz (a tone the node makes itself) as a prompt. */
    public static PromptAudio fromLinear(short[] linear) {
        byte[] ulaw = new byte[linear.length];
        byte[] alaw = new byte[linear.length];
        G711.encode(linear, 0, ulaw, 0, linear.length, AudioCodec.PCMU);
        G711.encode(linear, 0, alaw, 0, linear.length, AudioCodec.PCMA);
        return new PromptAudio(frames(ulaw, AudioCodec.PCMU), frames(alaw, AudioCodec.PCMA));
    }

    private static byte[][] frames(byte[] samples, AudioCodec codec) {
        int size = AudioCodec.SAMPLES_PER_FRAME;
        byte[][] frames = new byte[(samples.length + size - 1) / size][];
        for (int i = 0; i < frames.length; i++) {
            byte[] frame = new byte[size];
            int from = i * size;
            int length = Math.min(size, samples.length - from);
            System.arraycopy(samples, from, frame, 0, length);
            Arrays.fill(frame, length, size, codec.silence());
            frames[i] = frame;
        }
        return frames;
    }

    @Override
    public int frameCount() {
        return pcmu.length;
    }

    @Override
    public byte[] frame(int index, AudioCodec codec) {
        return codec == AudioCodec.PCMU ? pcmu[index] : pcma[index];
    }
}
