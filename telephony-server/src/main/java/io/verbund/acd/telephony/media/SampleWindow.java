package io.verbund.acd.telephony.media;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The stretch of a recording not yet handed to the sink: per channel, the bytes placed and which
 * samples have one. Audio leaves it interleaved, in chunks, once it is older than the lateness bound
 * behind the newest sample of any channel; a gap no packet filled leaves as the codec's silence byte.
 * Everything before {@link #base()} is gone, so a packet that lands there is late and dropped.
 *
 * <p>The window is bounded: a packet far ahead of the rest pushes the oldest audio out early rather
 * than growing it. Not thread-safe: the recording calls it under its lock.
 */
final class SampleWindow {

    enum Placement { TAKEN, DUPLICATE, LATE, OVERSIZED }

    private final int channels;
    private final byte silence;
    private final int lateness;
    private final int chunk;
    private final int capacity;
    private final byte[][] samples;
    private final long[][] filled;
    private final Consumer<byte[]> completed;
    /** The position of the window's first sample: everything before it was handed out. */
    private long base;
    /** One past the newest sample placed in any channel. */
    private long newest;

    /**
     * @param completed receives each interleaved chunk, in order, on the placing thread
     */
    SampleWindow(int channels, byte silence, RecordingTiming timing, Consumer<byte[]> completed) {
        this.channels = channels;
        this.silence = silence;
        this.lateness = timing.latenessSamples();
        this.chunk = timing.chunkSamples();
        this.capacity = lateness + 2 * chunk;
        this.samples = new byte[channels][capacity];
        this.filled = new long[channels][capacity / 64];
        this.completed = completed;
    }

    long base() {
        return base;
    }

    long newest() {
        return newest;
    }

    /** Places one packet's samples at {@code position} of {@code channel}, or says why it did not. */
    Placement place(int channel, long position, byte[] payload, int offset, int length) {
        if (length > chunk) {
            return Placement.OVERSIZED;
        }
        if (position < base) {
            return Placement.LATE;
        }
        long end = position + length;
        while (end - base > capacity) {
            // Far ahead, after a side fell silent: release the oldest audio now, whole bitmap words at a time.
            long excess = end - base - capacity;
            release((int) Math.min(capacity, (excess + 63) / 64 * 64));
        }
        int from = (int) (position - base);
        if (allFilled(channel, from, length)) {
            return Placement.DUPLICATE;
        }
        for (int i = 0; i < length; i++) {
            int at = from + i;
            long bit = 1L << at;
            if ((filled[channel][at >>> 6] & bit) == 0) {
                filled[channel][at >>> 6] |= bit;
                samples[channel][at] = payload[offset + i];
            }
        }
        newest = Math.max(newest, end);
        while (newest - lateness - base >= chunk) {
            release(chunk);
        }
        return Placement.TAKEN;
    }

    /**
     * Moves the window to at least {@code position} with no packet: time passed for both sides, for a
     * voicemail's fixed length or a side that is silent.
     */
    void advanceTo(long position) {
        newest = Math.max(newest, position);
        while (newest - lateness - base >= chunk) {
            release(chunk);
        }
    }

    /** Hands out everything up to the newest sample, or up to {@code limit} if that is earlier. */
    void drain(long limit) {
        long end = Math.min(newest, limit);
        while (end - base > 0) {
            int count = (int) Math.min(end - base, capacity);
            release(count);
        }
    }

    private boolean allFilled(int channel, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if ((filled[channel][i >>> 6] & (1L << i)) == 0) {
                return false;
            }
        }
        return length > 0;
    }

    private void release(int count) {
        int taken = Math.min(count, capacity);
        byte[] out = new byte[taken * channels];
        for (int channel = 0; channel < channels; channel++) {
            byte[] plane = samples[channel];
            long[] bits = filled[channel];
            for (int i = 0; i < taken; i++) {
                boolean present = (bits[i >>> 6] & (1L << i)) != 0;
                out[i * channels + channel] = present ? plane[i] : silence;
            }
            shift(channel, taken);
        }
        base += taken;
        completed.accept(out);
    }

    private void shift(int channel, int count) {
        byte[] plane = samples[channel];
        long[] bits = filled[channel];
        System.arraycopy(plane, count, plane, 0, capacity - count);
        Arrays.fill(plane, capacity - count, capacity, silence);
        int words = count >>> 6;
        int bitShift = count & 63;
        for (int w = 0; w < bits.length; w++) {
            int source = w + words;
            long low = source < bits.length ? bits[source] >>> bitShift : 0;
            long high = bitShift != 0 && source + 1 < bits.length ? bits[source + 1] << (64 - bitShift) : 0;
            bits[w] = low | high;
        }
    }
}
