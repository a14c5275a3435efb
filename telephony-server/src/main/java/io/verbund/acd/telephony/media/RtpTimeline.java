package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;

/**
 * Where one direction's packets fall on a recording's timeline, in samples from the recording's start.
 * The RTP timestamp places a packet exactly against the others of its stream; the first packet's
 * receive time places the stream against the recording, so the two sides of a call line up.
 *
 * <p>Timestamps are unwrapped against the newest one seen, so the 32-bit wrap and packets reordered
 * around it fall where they belong. A stream whose timestamps leave the receive clock by more than
 * {@link #RESYNC_SAMPLES} (5 s, beyond any jitter or sound-card drift in a call) has been replaced — a
 * new SSRC after a re-INVITE or transfer — and is anchored afresh at its receive time, after what the
 * direction already recorded, instead of filling hours of silence.
 *
 * <p>Not thread-safe: the recording calls it under its lock.
 */
final class RtpTimeline {

    static final long RESYNC_SAMPLES = 5L * AudioCodec.SAMPLE_RATE;

    private final long startedNanos;
    private boolean anchored;
    private long anchorPosition;
    private long anchorExtended;
    private long newestTimestamp;
    private long newestExtended;
    private long end;
    private long resyncs;

    RtpTimeline(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /** The sample position of a packet's first sample; the packet itself is not yet taken. */
    long position(long rtpTimestamp, long receivedNanos) {
        long timestamp = rtpTimestamp & 0xFFFFFFFFL;
        long received = receivedPosition(receivedNanos);
        if (!anchored) {
            anchor(timestamp, received);
            anchored = true;
            return anchorPosition;
        }
        long extended = newestExtended + (int) (timestamp - newestTimestamp);
        long position = anchorPosition + (extended - anchorExtended);
        if (Math.abs(position - received) > RESYNC_SAMPLES) {
            resyncs++;
            anchor(timestamp, Math.max(received, end));
            return anchorPosition;
        }
        if (extended > newestExtended) {
            newestExtended = extended;
            newestTimestamp = timestamp;
        }
        return position;
    }

    /** Records that samples up to {@code position} (exclusive) were taken, for a later re-anchoring. */
    void taken(long position) {
        end = Math.max(end, position);
    }

    long resyncs() {
        return resyncs;
    }

    private void anchor(long timestamp, long position) {
        anchorPosition = position;
        anchorExtended = timestamp;
        newestExtended = timestamp;
        newestTimestamp = timestamp;
    }

    private long receivedPosition(long receivedNanos) {
        long elapsed = Math.max(0, receivedNanos - startedNanos);
        return elapsed / 1_000_000L * AudioCodec.SAMPLE_RATE / 1_000L
                + elapsed % 1_000_000L * AudioCodec.SAMPLE_RATE / 1_000_000_000L;
    }
}
