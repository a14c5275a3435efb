package io.verbund.acd.audio;

/**
 * A file with no RIFF/WAVE header at all, as opposed to a WAV with a broken or unsupported part: an
 * upload can then be refused as "not audio" (a PDF sent by mistake) rather than "audio in the wrong
 * format".
 */
public class NotAWav extends UnreadableWav {

    private static final long serialVersionUID = 1L;

    public NotAWav(String reason) {
        super(reason);
    }
}
