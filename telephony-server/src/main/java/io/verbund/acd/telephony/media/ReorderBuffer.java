package io.verbund.acd.telephony.media;

/**
 * A small reordering window over one incoming RTP stream, for what the node itself consumes (DTMF,
 * the recording): packets leave in sequence order, each at most once. A packet in order leaves at
 * once without being copied; one that arrives ahead of a gap is held (copied into a reused slot)
 * until the gap fills, the window is full, or it has waited {@code maxWaitNanos}, and then the gap is
 * counted lost. A packet behind the window's edge is a duplicate (it was delivered) or late (it had
 * been given up as lost: lost is decremented). Sequence numbers wrap at 65536; a jump of more than
 * {@value #RESTART_GAP} either way is taken as the sender restarting its numbering, not as loss.
 * Used by the media receive thread only.
 */
final class ReorderBuffer {

    /** Where ordered packets go: valid only during the call (the array is reused). */
    interface Delivery {
        void deliver(byte[] packet, int length, long receivedNanos);
    }

    static final int RESTART_GAP = 3000;
    private static final int HISTORY = 64;

    private final int depth;
    private final long maxWaitNanos;
    private final Delivery delivery;
    private final byte[][] slotData;
    private final int[] slotLength;
    private final int[] slotSequence;
    private final long[] slotReceived;
    private final boolean[] slotHeld;
    private boolean started;
    private int expected;
    private int held;
    private long waitingSince;
    /** Bit i: sequence {@code expected - 1 - i} was delivered. */
    private long deliveredHistory;
    private long delivered;
    private long lost;
    private long late;
    private long duplicates;

    ReorderBuffer(int depth, long maxWaitNanos, Delivery delivery) {
        if (depth < 2 || depth > HISTORY) {
            throw new IllegalArgumentException("reorder depth must be 2–" + HISTORY + ": " + depth);
        }
        this.depth = depth;
        this.maxWaitNanos = maxWaitNanos;
        this.delivery = delivery;
        slotData = new byte[depth][];
        slotLength = new int[depth];
        slotSequence = new int[depth];
        slotReceived = new long[depth];
        slotHeld = new boolean[depth];
    }

    void accept(int sequence, byte[] packet, int length, long now) {
        if (!started) {
            started = true;
            expected = sequence;
        }
        int distance = (short) (sequence - expected);
        if (Math.abs(distance) > RESTART_GAP || (distance < 0 && -distance > HISTORY && held == 0)) {
            releaseAll();
            expected = sequence;
            deliveredHistory = 0;
            distance = 0;
        }
        if (distance < 0) {
            int back = -distance;
            long bit = back <= HISTORY ? 1L << (back - 1) : 0;
            if ((deliveredHistory & bit) != 0) {
                duplicates++;
            } else {
                late++;
                if (bit != 0) {
                    lost--;
                    deliveredHistory |= bit;
                }
            }
            return;
        }
        while (distance >= depth) {
            skipOne();
            distance = (short) (sequence - expected);
        }
        drain(now);
        distance = (short) (sequence - expected);
        if (distance < 0) {
            duplicates++;
            return;
        }
        if (distance == 0) {
            delivery.deliver(packet, length, now);
            advance(true);
            drain(now);
            return;
        }
        int slot = sequence % depth;
        if (slotHeld[slot]) {
            duplicates++;
            return;
        }
        if (slotData[slot] == null || slotData[slot].length < length) {
            slotData[slot] = new byte[Math.max(length, 256)];
        }
        System.arraycopy(packet, 0, slotData[slot], 0, length);
        slotLength[slot] = length;
        slotSequence[slot] = sequence;
        slotReceived[slot] = now;
        slotHeld[slot] = true;
        if (held++ == 0) {
            waitingSince = now;
        }
    }

    /** Gives up on gaps that have waited too long; called every few milliseconds. */
    void flush(long now) {
        if (held > 0 && now - waitingSince >= maxWaitNanos) {
            while (held > 0 && !skipOne()) {
                // count the gap lost up to the first held packet, which skipOne delivers
            }
            drain(now);
            waitingSince = now;
        }
    }

    /** The stream restarted (a new SSRC): what is held leaves, numbering starts again. */
    void reset() {
        releaseAll();
        started = false;
        deliveredHistory = 0;
    }

    long delivered() {
        return delivered;
    }

    long lost() {
        return lost;
    }

    long late() {
        return late;
    }

    long duplicates() {
        return duplicates;
    }

    private void releaseAll() {
        while (held > 0) {
            skipOne();
        }
    }

    /** Moves past {@code expected}: delivers it if held, else counts it lost. */
    private boolean skipOne() {
        int slot = expected % depth;
        boolean deliver = slotHeld[slot] && slotSequence[slot] == expected;
        if (deliver) {
            slotHeld[slot] = false;
            held--;
            delivery.deliver(slotData[slot], slotLength[slot], slotReceived[slot]);
        } else {
            lost++;
        }
        advance(deliver);
        return deliver;
    }

    private void drain(long now) {
        boolean moved = false;
        while (held > 0) {
            int slot = expected % depth;
            if (!slotHeld[slot] || slotSequence[slot] != expected) {
                break;
            }
            slotHeld[slot] = false;
            held--;
            delivery.deliver(slotData[slot], slotLength[slot], slotReceived[slot]);
            advance(true);
            moved = true;
        }
        if (moved && held > 0) {
            waitingSince = now;
        }
    }

    private void advance(boolean wasDelivered) {
        if (wasDelivered) {
            delivered++;
        }
        deliveredHistory = (deliveredHistory << 1) | (wasDelivered ? 1 : 0);
        expected = (expected + 1) & 0xFFFF;
    }
}
