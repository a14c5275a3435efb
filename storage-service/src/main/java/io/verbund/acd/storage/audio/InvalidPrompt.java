package io.verbund.acd.storage.audio;

/**
 * Audio that cannot become a prompt, with the sentence that says exactly why (e.g. "WAV at 44100 Hz
 * stereo: prompts must be mono"). {@code notAudio} tells a file that is no audio at all from audio
 * in the wrong format.
 */
public class InvalidPrompt extends Exception {

    private final boolean notAudio;

    public InvalidPrompt(String reason, boolean notAudio) {
        super(reason, null, false, false);
        this.notAudio = notAudio;
    }

    public boolean notAudio() {
        return notAudio;
    }
}
