package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import java.util.Arrays;

/** A test Playable: frame i is 160 bytes of value i+1 (PCMU) or i+101 (PCMA), so a packet shows which frame and law it is. */
final class Tone implements Playable {

    private final byte[][] pcmu;
    private final byte[][] pcma;

    Tone(int frames) {
        pcmu = new byte[frames][];
        pcma = new byte[frames][];
        for (int i = 0; i < frames; i++) {
            pcmu[i] = new byte[160];
            pcma[i] = new byte[160];
            Arrays.fill(pcmu[i], (byte) (i + 1));
            Arrays.fill(pcma[i], (byte) (i + 101));
        }
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
