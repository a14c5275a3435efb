package io.verbund.acd.telephony.media;

import io.verbund.acd.audio.AudioCodec;
import io.verbund.acd.audio.WavHeader;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A bridged call recorded as it crossed the wire: a two-channel G.711 WAV, caller left and agent
 * right, each channel holding exactly the payload bytes received from that side, on one timeline. Only
 * gaps — silence suppression, loss, a side not talking — are filled, with the codec's silence byte.
 * That makes the recording evidence of what was heard, not a re-encoding of it. 16 000 bytes a second
 * of call; 57.6 MB an hour.
 *
 * <p>A packet is placed by its RTP timestamp relative to the first packet of its direction, and that
 * first packet by its receive time relative to the recording's start, so the sides line up to within
 * the first packet's network delay. See {@link RtpTimeline} for wrap and stream changes and
 * {@link SampleWindow} for duplicates and lateness.
 *
 * <p>Threads: the {@link BridgeTap} methods may be called from any media thread, concurrently for the
 * two sides; they copy the payload into the window under a short lock and never block on I/O. Completed
 * audio is handed to the sink on {@code writer} (see {@link SinkWriter}), about once a second.
 */
public final class StereoRecording implements BridgeTap {

    private static final int CALLER = 0;
    private static final int AGENT = 1;

    private final AudioCodec codec;
    private final SinkWriter writer;
    private final SampleWindow window;
    private final RecordedDirection caller;
    private final RecordedDirection agent;
    private long dataLength;

    /**
     * Starts the recording: the sink's {@code start} is queued at once.
     *
     * @param codec the caller leg's codec: the relay hands both sides' payload in it
     * @param startedNanos the recording's start on the clock of the {@code receivedNanos} the tap is given
     * @param writer runs the sink's calls; may be shared by many recordings and have many threads
     */
    public StereoRecording(AudioCodec codec, long startedNanos, RecordingSink sink, Executor writer) {
        this(codec, startedNanos, sink, writer, RecordingTiming.DEFAULT);
    }

    public StereoRecording(AudioCodec codec, long startedNanos, RecordingSink sink, Executor writer,
            RecordingTiming timing) {
        this.codec = codec;
        this.writer = new SinkWriter(sink, writer);
        this.window = new SampleWindow(2, codec.silence(), timing, this::completed);
        this.caller = new RecordedDirection(CALLER, startedNanos);
        this.agent = new RecordedDirection(AGENT, startedNanos);
        this.writer.start(WavHeader.streaming(codec, 2));
    }

    @Override
    public synchronized void fromCaller(byte[] payload, int offset, int length, long rtpTimestamp,
            long receivedNanos) {
        if (!writer.closed()) {
            caller.receive(window, payload, offset, length, rtpTimestamp, receivedNanos, Long.MAX_VALUE);
        }
    }

    @Override
    public synchronized void fromAgent(byte[] payload, int offset, int length, long rtpTimestamp,
            long receivedNanos) {
        if (!writer.closed()) {
            agent.receive(window, payload, offset, length, rtpTimestamp, receivedNanos, Long.MAX_VALUE);
        }
    }

    /** Writes out what is held, up to the last sample either side sent, and finishes the file. Idempotent. */
    @Override
    public synchronized void close() {
        if (writer.closed()) {
            return;
        }
        window.drain(Long.MAX_VALUE);
        writer.finish(WavHeader.complete(codec, 2, dataLength), dataLength);
    }

    /** Abandons the recording: the sink discards it. Does nothing once closed. */
    public synchronized void abort() {
        if (!writer.closed()) {
            writer.abort("the recording was abandoned");
        }
    }

    /** Completes with the audio's length in bytes once the sink has the final header, or with {@link RecordingAborted}. */
    public CompletionStage<Long> completion() {
        return writer.completion();
    }

    public synchronized DirectionCounters callerCounters() {
        return caller.counters();
    }

    public synchronized DirectionCounters agentCounters() {
        return agent.counters();
    }

    private void completed(byte[] interleaved) {
        dataLength += interleaved.length;
        writer.append(interleaved);
    }
}
