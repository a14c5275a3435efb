package io.verbund.acd.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The header of a G.711 WAV, mono or stereo, always {@link #LENGTH} bytes so the one written when a
 * recording starts can be overwritten in place by the final one when it ends.
 *
 * <p>Layout: RIFF, an 18-byte fmt chunk (format tag 7 or 6, 8 bits, block align = channels, cbSize
 * 0), a {@code fact} chunk, then the data chunk's header. The {@code fact} chunk (samples per channel)
 * is there because the RIFF specification requires it for every format that is not PCM, and
 * Windows' ACM-based players and strict validators refuse G.711 without it; sox writes it for the same
 * reason. Twelve bytes buy a file every player opens.
 *
 * <p>While recording, the sizes say 0xFFFFFFFF, the convention for "still being written" that
 * {@link Wav#read} and common tools accept; the final header carries the real lengths.
 */
public final class WavHeader {

    /** Bytes before the first sample. */
    public static final int LENGTH = 58;

    /** The most audio a WAV can describe: its sizes are 32-bit. */
    public static final long MAX_DATA_LENGTH = 0xFFFFFFFFL - (LENGTH - 8) - 1;

    private static final int UNKNOWN = 0xFFFFFFFF;

    private WavHeader() {
    }

    /** The header to write first, before the length is known. */
    public static byte[] streaming(AudioCodec codec, int channels) {
        return header(codec, channels, UNKNOWN, UNKNOWN, UNKNOWN);
    }

    /**
     * The header once {@code dataLength} bytes of samples are written. An odd length is counted with
     * the pad byte RIFF requires after the data; the writer must append that byte.
     */
    public static byte[] complete(AudioCodec codec, int channels, long dataLength) {
        if (dataLength < 0 || dataLength > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("a WAV holds 0 to " + MAX_DATA_LENGTH + " bytes of audio, not "
                    + dataLength);
        }
        if (dataLength % channels != 0) {
            throw new IllegalArgumentException(dataLength + " bytes are not whole samples of " + channels
                    + " channels");
        }
        long riffSize = LENGTH - 8 + dataLength + (dataLength & 1);
        return header(codec, channels, (int) riffSize, (int) (dataLength / channels), (int) dataLength);
    }

    private static byte[] header(AudioCodec codec, int channels, int riffSize, int samplesPerChannel,
            int dataLength) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("recordings are mono or stereo, not " + channels + " channels");
        }
        WavFormat format = WavFormat.g711(codec, channels);
        ByteBuffer out = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(riffSize).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(18)
                .putShort((short) format.encoding().formatTag())
                .putShort((short) channels)
                .putInt(format.sampleRate())
                .putInt(format.byteRate())
                .putShort((short) format.blockAlign())
                .putShort((short) format.bitsPerSample())
                .putShort((short) 0);
        out.put(ascii("fact")).putInt(4).putInt(samplesPerChannel);
        out.put(ascii("data")).putInt(dataLength);
        return out.array();
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(StandardCharsets.US_ASCII);
    }
}
