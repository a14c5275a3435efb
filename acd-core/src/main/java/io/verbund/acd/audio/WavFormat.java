package io.verbund.acd.audio;

/**
 * What a WAV file's fmt chunk says about its samples. A block is one sample of every channel, so a
 * stereo G.711 block is two bytes: the left channel's first.
 */
public record WavFormat(WavEncoding encoding, int channels, int sampleRate, int bitsPerSample) {

    public WavFormat {
        if (channels < 1) {
            throw new IllegalArgumentException("a WAV needs at least one channel, not " + channels);
        }
        if (sampleRate < 1) {
            throw new IllegalArgumentException("a WAV's sample rate must be positive, not " + sampleRate);
        }
        if (bitsPerSample < 1 || bitsPerSample % 8 != 0) {
            throw new IllegalArgumentException("bits per sample must be a whole number of bytes, not " + bitsPerSample);
        }
    }

    /** G.711 at 8 kHz: what prompts and recordings are kept in. */
    public static WavFormat g711(AudioCodec codec, int channels) {
        return new WavFormat(WavEncoding.of(codec), channels, AudioCodec.SAMPLE_RATE, 8);
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    public int blockAlign() {
        return channels * bytesPerSample();
    }

    public int byteRate() {
        return sampleRate * blockAlign();
    }

    @Override
    public String toString() {
        return encoding + " " + bitsPerSample + "-bit " + sampleRate + " Hz " + channels + " channel(s)";
    }
}
