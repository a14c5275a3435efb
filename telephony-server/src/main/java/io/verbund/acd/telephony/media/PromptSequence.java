package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import java.util.Arrays;
import java.util.List;

/**
 * Prompts played one after the other as one: "you are caller number" + "three". Holds the parts, not
 * copies of their frames, so building one per announcement costs a few references.
 */
public final class PromptSequence implements Playable {

    private final Playable[] parts;
    /** The index of each part's first frame, and the total at the end. */
    private final int[] starts;

    private PromptSequence(Playable[] parts) {
        this.parts = parts;
        this.starts = new int[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            starts[i + 1] = starts[i] + parts[i].frameCount();
        }
    }

    public static PromptSequence of(Playable... parts) {
        return new PromptSequence(parts.clone());
    }

    public static PromptSequence of(List<? extends Playable> parts) {
        return new PromptSequence(parts.toArray(Playable[]::new));
    }

    @Override
    public int frameCount() {
        return starts[parts.length];
    }

    @Override
    public byte[] frame(int index, AudioCodec codec) {
        if (index < 0 || index >= frameCount()) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frameCount());
        }
        int found = Arrays.binarySearch(starts, index);
        // An exact hit may be the start of an empty part: take the last part that starts there.
        int part = found >= 0 ? lastPartStartingAt(found) : -found - 2;
        return parts[part].frame(index - starts[part], codec);
    }

    private int lastPartStartingAt(int position) {
        int part = position;
        while (part + 1 < parts.length && starts[part + 1] == starts[part]) {
            part++;
        }
        return part;
    }
}
