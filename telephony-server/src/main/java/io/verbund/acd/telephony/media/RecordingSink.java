package io.verbund.acd.telephony.media;

import java.io.IOException;

/**
 * Where a recording's WAV file goes while the call is still running: a spool file, or the storage
 * service over HTTP. The recording calls it from one writer task at a time, never from a media thread,
 * in this order: {@code start}, any number of {@code append}s, then either {@code finish} or
 * {@code abort}. A method that throws ends the recording: {@code abort} follows, nothing else does.
 *
 * <p>Offsets are file offsets, so an implementation can write them where they say without counting.
 */
public interface RecordingSink {

    /** The header at offset 0, with the sizes still unknown (0xFFFFFFFF); its length is the first append's offset. */
    void start(byte[] header) throws IOException;

    /**
     * Audio at file offset {@code offset}: appends come in order with no gap between them. The array is
     * the sink's only for the call; copy what must be kept.
     */
    void append(long offset, byte[] data, int off, int len) throws IOException;

    /**
     * The recording is complete: write {@code finalHeader} over the header at offset 0 (same length).
     * {@code dataLength} is the audio after the header, without the pad byte an odd length is followed by.
     */
    void finish(byte[] finalHeader, long dataLength) throws IOException;

    /** The recording is abandoned or failed: discard what was written. Must not throw. */
    void abort();
}
