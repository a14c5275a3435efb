package io.verbund.acd.telephony.media;

/**
 * RFC 4733 telephone-event detection for one incoming stream. An event is identified by its RTP
 * timestamp: every packet of one key press carries the same one (the start, the updates every 50 ms,
 * and the end packet, sent three times). A digit counts once, <b>at its end</b>: on the first packet
 * with the E bit; or, if every end packet was lost, when no packet of the event has come for the end
 * timeout, or when a packet of a newer event arrives. Reporting at the end, not the start, gives the
 * press its duration and never reports a key whose start and end belong to different presses.
 * Packets of an event already reported (end repeats, late updates) and of older events are ignored.
 * Events above 15 (flash, tones) are not digits. Used by the media receive thread only.
 */
final class DtmfDetector {

    /** Where detected digits go. */
    interface Digits {
        void digit(char digit, int durationSamples);
    }

    private static final String DIGITS = "0123456789*#ABCD";

    private final long endTimeoutNanos;
    private final Digits digits;
    private boolean active;
    private long activeTimestamp;
    private int activeEvent;
    private int activeDuration;
    private long lastPacketNanos;
    private boolean anyFinished;
    private long lastFinishedTimestamp;
    private long malformed;

    DtmfDetector(long endTimeoutNanos, Digits digits) {
        this.endTimeoutNanos = endTimeoutNanos;
        this.digits = digits;
    }

    /** One telephone-event packet's payload, in sequence order. */
    void onPacket(long timestamp, byte[] payload, int offset, int length, long now) {
        if (length < 4) {
            malformed++;
            return;
        }
        int event = payload[offset] & 0xFF;
        boolean end = (payload[offset + 1] & 0x80) != 0;
        int duration = ((payload[offset + 2] & 0xFF) << 8) | (payload[offset + 3] & 0xFF);
        if (anyFinished && (int) (timestamp - lastFinishedTimestamp) <= 0 && !(active && timestamp == activeTimestamp)) {
            return;
        }
        if (active && timestamp != activeTimestamp) {
            if ((int) (timestamp - activeTimestamp) < 0) {
                return;
            }
            finish();
        }
        if (!active) {
            active = true;
            activeTimestamp = timestamp;
            activeEvent = event;
        }
        activeDuration = Math.max(activeDuration, duration);
        lastPacketNanos = now;
        if (end) {
            finish();
        }
    }

    /** Ends an event whose end packets were all lost; called every few milliseconds. */
    void onTick(long now) {
        if (active && now - lastPacketNanos >= endTimeoutNanos) {
            finish();
        }
    }

    /** The sender changed (new SSRC): a press in progress counts, timestamps start again. */
    void reset() {
        if (active) {
            finish();
        }
        anyFinished = false;
    }

    long malformed() {
        return malformed;
    }

    private void finish() {
        active = false;
        anyFinished = true;
        lastFinishedTimestamp = activeTimestamp;
        int duration = activeDuration;
        activeDuration = 0;
        if (activeEvent < DIGITS.length()) {
            digits.digit(DIGITS.charAt(activeEvent), duration);
        }
    }

    /** The telephone-event code of a DTMF digit (RFC 4733 §3.2), or -1. */
    static int eventOf(char digit) {
        return DIGITS.indexOf(Character.toUpperCase(digit));
    }
}
