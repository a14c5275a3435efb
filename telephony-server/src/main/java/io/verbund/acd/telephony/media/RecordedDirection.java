package io.verbund.acd.telephony.media;

/**
 * One side of a call as a recording channel: its timeline, the window channel it lands in, and what
 * became of its packets. Not thread-safe: the recording calls it under its lock.
 */
final class RecordedDirection {

    private final int channel;
    private final RtpTimeline timeline;
    private long taken;
    private long duplicates;
    private long late;
    private long oversized;

    RecordedDirection(int channel, long startedNanos) {
        this.channel = channel;
        this.timeline = new RtpTimeline(startedNanos);
    }

    /** Places the packet, cut at {@code limit} samples from the start; returns where it ended. */
    long receive(SampleWindow window, byte[] payload, int offset, int length, long rtpTimestamp,
            long receivedNanos, long limit) {
        long position = timeline.position(rtpTimestamp, receivedNanos);
        int kept = (int) Math.max(0, Math.min(length, limit - position));
        if (kept == 0) {
            return position;
        }
        switch (window.place(channel, position, payload, offset, kept)) {
            case TAKEN -> {
                taken++;
                timeline.taken(position + kept);
            }
            case DUPLICATE -> duplicates++;
            case LATE -> late++;
            case OVERSIZED -> oversized++;
        }
        return position + kept;
    }

    DirectionCounters counters() {
        return new DirectionCounters(taken, duplicates, late, oversized, timeline.resyncs());
    }
}
