package io.verbund.acd.telephony.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One side's RTP as a test sends it: 20 ms packets of random bytes, numbered from 0. */
final class Stream {

    static final long MS = 1_000_000L;

    record Packet(byte[] payload, long timestamp, long receivedNanos) {
    }

    final List<Packet> packets = new ArrayList<>();

    /**
     * @param firstTimestamp the RTP timestamp of packet 0
     * @param firstReceivedMillis when packet 0 arrives, after the recording's start
     */
    Stream(int count, long firstTimestamp, long firstReceivedMillis, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[160];
            random.nextBytes(payload);
            packets.add(new Packet(payload, (firstTimestamp + 160L * i) & 0xFFFFFFFFL,
                    (firstReceivedMillis + 20L * i) * MS));
        }
    }

    Packet get(int index) {
        return packets.get(index);
    }

    /** The bytes the channel must hold for packets {@code from} to {@code to} (exclusive). */
    byte[] bytes(int from, int to) {
        byte[] bytes = new byte[160 * (to - from)];
        for (int i = from; i < to; i++) {
            System.arraycopy(packets.get(i).payload(), 0, bytes, 160 * (i - from), 160);
        }
        return bytes;
    }
}
