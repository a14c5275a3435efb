package io.verbund.acd.audio;

/**
 * A file that is not a WAV this system can read, with the reason: the message names the chunk or field
 * that is wrong, so an upload can be refused with it and a broken prompt found by its log line.
 */
public class UnreadableWav extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnreadableWav(String reason) {
        super(reason);
    }
}
