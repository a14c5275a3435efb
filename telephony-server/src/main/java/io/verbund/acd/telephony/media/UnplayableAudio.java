package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.WavFormat;

/**
 * A readable WAV in a format the media engine will not resample: playing it would sound wrong, so it is
 * refused when loaded rather than when a caller hears it.
 */
public class UnplayableAudio extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient WavFormat format;

    public UnplayableAudio(WavFormat format) {
        this("a prompt", format);
    }

    /** @param what the file or upload, for the message */
    public UnplayableAudio(String what, WavFormat format) {
        super(what + " must be 8 kHz mono µ-law, A-law or 16-bit PCM; it is " + format);
        this.format = format;
    }

    public WavFormat format() {
        return format;
    }
}
