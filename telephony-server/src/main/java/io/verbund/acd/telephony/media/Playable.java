package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;

/**
 * Audio ready to send: frames of 20 ms encoded once, when loaded, in both codecs, so playing it to
 * a thousand callers costs no transcoding.
 */
public interface Playable {

    /** How many 20 ms frames the audio has. */
    int frameCount();

    /** The frame's 160 bytes in the codec; the array is shared and must not be changed. */
    byte[] frame(int index, AudioCodec codec);
}
