package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import java.time.Duration;

/**
 * How long a recording waits for late packets, and how much audio it hands to the sink at once. Waiting
 * longer keeps more of a jittery call bit-exact; it costs memory per call (8 bytes a millisecond for a
 * stereo recording, both channels).
 *
 * @param lateness how far behind the newest packet a packet may arrive and still be placed; default 1 s,
 *     far beyond the 20–200 ms a phone's jitter buffer waits, so only a packet no one heard is lost
 * @param chunk how much audio each append carries; default 1 s (16 kB stereo), few enough requests for
 *     the storage service and little enough lost if a node dies
 */
public record RecordingTiming(Duration lateness, Duration chunk) {

    public static final RecordingTiming DEFAULT = new RecordingTiming(Duration.ofSeconds(1), Duration.ofSeconds(1));

    public RecordingTiming {
        if (lateness.isNegative() || chunk.isNegative() || chunk.isZero()) {
            throw new IllegalArgumentException("lateness must be zero or more and chunks longer than zero, not "
                    + lateness + " and " + chunk);
        }
    }

    /** In samples, rounded up to whole 64-sample words of the window's bitmap. */
    int latenessSamples() {
        return words(lateness);
    }

    int chunkSamples() {
        return Math.max(64, words(chunk));
    }

    private static int words(Duration duration) {
        long samples = duration.toNanos() * AudioCodec.SAMPLE_RATE / 1_000_000_000L;
        return (int) Math.min(1 << 24, (samples + 63) / 64 * 64);
    }
}
