package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.WavHeader;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A caller's message: a mono G.711 WAV of exactly the payload the caller sent, gaps filled with the
 * codec's silence byte, placed as in {@link StereoRecording}, cut at a maximum length. At the maximum it
 * finishes itself and says so, so the call flow can play "goodbye" instead of recording into nothing.
 *
 * <p>Threads: {@link #fromCaller} may be called from the media thread and never blocks on I/O; the sink
 * and the max-length callback run on {@code writer}.
 */
public final class VoicemailRecording {

    private final AudioCodec codec;
    private final long startedNanos;
    private final long maxSamples;
    private final SinkWriter writer;
    private final Executor callbacks;
    private final Runnable onMaxLength;
    private final SampleWindow window;
    private final RecordedDirection caller;
    private long dataLength;

    /**
     * @param codec the caller's codec, as the payload arrives
     * @param startedNanos the start on the clock of the {@code receivedNanos} passed in
     * @param maxLength the longest message; the recording ends there
     * @param onMaxLength runs once, on {@code writer}, when the maximum is reached; not when closed earlier
     */
    public VoicemailRecording(AudioCodec codec, long startedNanos, Duration maxLength, RecordingSink sink,
            Executor writer, Runnable onMaxLength) {
        this(codec, startedNanos, maxLength, sink, writer, onMaxLength, RecordingTiming.DEFAULT);
    }

    public VoicemailRecording(AudioCodec codec, long startedNanos, Duration maxLength, RecordingSink sink,
            Executor writer, Runnable onMaxLength, RecordingTiming timing) {
        if (maxLength.isNegative() || maxLength.isZero()) {
            throw new IllegalArgumentException("a voicemail needs a maximum length above zero, not " + maxLength);
        }
        this.codec = codec;
        this.startedNanos = startedNanos;
        this.maxSamples = maxLength.toMillis() * AudioCodec.SAMPLE_RATE / 1000;
        this.writer = new SinkWriter(sink, writer);
        this.callbacks = writer;
        this.onMaxLength = onMaxLength;
        this.window = new SampleWindow(1, codec.silence(), timing, this::completed);
        this.caller = new RecordedDirection(0, startedNanos);
        this.writer.start(WavHeader.streaming(codec, 1));
    }

    /** A packet from the caller; one reaching past the maximum is cut there and ends the recording. */
    public synchronized void fromCaller(byte[] payload, int offset, int length, long rtpTimestamp,
            long receivedNanos) {
        if (writer.closed()) {
            return;
        }
        long end = caller.receive(window, payload, offset, length, rtpTimestamp, receivedNanos, maxSamples);
        if (end >= maxSamples || elapsedSamples(receivedNanos) >= maxSamples) {
            window.advanceTo(maxSamples);
            finish();
            callbacks.execute(onMaxLength);
        }
    }

    /**
     * Tells the recording the time without a packet, so a caller who stays silent still hits the
     * maximum; the media engine calls it from its pacing tick.
     */
    public synchronized void tick(long nowNanos) {
        if (!writer.closed() && elapsedSamples(nowNanos) >= maxSamples) {
            window.advanceTo(maxSamples);
            finish();
            callbacks.execute(onMaxLength);
        }
    }

    /** The caller hung up or pressed a key: finish with what was said. Idempotent. */
    public synchronized void close() {
        if (!writer.closed()) {
            finish();
        }
    }

    /** Abandons the message: the sink discards it. Does nothing once closed. */
    public synchronized void abort() {
        if (!writer.closed()) {
            writer.abort("the voicemail was abandoned");
        }
    }

    public CompletionStage<Long> completion() {
        return writer.completion();
    }

    public synchronized DirectionCounters counters() {
        return caller.counters();
    }

    private void finish() {
        window.drain(maxSamples);
        writer.finish(WavHeader.complete(codec, 1, dataLength), dataLength);
    }

    private long elapsedSamples(long nowNanos) {
        return Math.max(0, nowNanos - startedNanos) / 1_000_000L * AudioCodec.SAMPLE_RATE / 1000;
    }

    private void completed(byte[] samples) {
        dataLength += samples.length;
        writer.append(samples);
    }
}
