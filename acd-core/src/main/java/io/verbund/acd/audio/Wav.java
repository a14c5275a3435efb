package io.verbund.acd.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A WAV file read into memory: its format and its samples. Reads what telephone systems write, not
 * every WAV there is: linear PCM, A-law and µ-law, also behind WAVE_FORMAT_EXTENSIBLE; chunks it does
 * not know (LIST, fact, cue) are skipped.
 *
 * <p>A recording still being written says its data is 0xFFFFFFFF bytes long, or more than the file
 * holds; that is read as "up to the end of the file", cut to whole blocks, and {@link #truncated()}
 * tells. A file without a RIFF/WAVE header throws {@link NotAWav}; anything else that is wrong throws
 * {@link UnreadableWav} naming the chunk or field.
 */
public final class Wav {

    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long SIZE_UNKNOWN = 0xFFFFFFFFL;

    private final WavFormat format;
    private final byte[] data;
    private final boolean truncated;

    private Wav(WavFormat format, byte[] data, boolean truncated) {
        this.format = format;
        this.data = data;
        this.truncated = truncated;
    }

    public static Wav read(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12) {
            throw new NotAWav("not a WAV: " + file.length + " bytes are too few for a RIFF header");
        }
        if (!"RIFF".equals(fourCc(in, 0))) {
            throw new NotAWav("not a WAV: the file starts with '" + printable(fourCc(in, 0)) + "', not 'RIFF'");
        }
        if (!"WAVE".equals(fourCc(in, 8))) {
            throw new NotAWav("not a WAV: the RIFF form is '" + printable(fourCc(in, 8)) + "', not 'WAVE'");
        }
        WavFormat format = null;
        int position = 12;
        while (position + 8 <= file.length) {
            String id = fourCc(in, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if ("fmt ".equals(id)) {
                if (body + size > file.length) {
                    throw new UnreadableWav("the fmt chunk says " + size + " bytes but the file ends after "
                            + (file.length - body));
                }
                format = format(in, body, (int) size);
            } else if ("data".equals(id)) {
                if (format == null) {
                    throw new UnreadableWav("the data chunk comes before any fmt chunk, so its format is unknown");
                }
                long present = file.length - body;
                boolean truncated = size == SIZE_UNKNOWN || size > present;
                long length = Math.min(size, present);
                length -= length % format.blockAlign();
                return new Wav(format, Arrays.copyOfRange(file, body, body + (int) length), truncated);
            }
            position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new UnreadableWav(format == null ? "no fmt chunk: the file has no audio format"
                : "no data chunk: the file has a format but no audio");
    }

    private static WavFormat format(ByteBuffer in, int at, int size) {
        if (size < 16) {
            throw new UnreadableWav("the fmt chunk is " + size + " bytes; it needs at least 16");
        }
        int tag = Short.toUnsignedInt(in.getShort(at));
        int channels = Short.toUnsignedInt(in.getShort(at + 2));
        long sampleRate = Integer.toUnsignedLong(in.getInt(at + 4));
        int blockAlign = Short.toUnsignedInt(in.getShort(at + 12));
        int bits = Short.toUnsignedInt(in.getShort(at + 14));
        if (tag == WAVE_FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new UnreadableWav("the fmt chunk says WAVE_FORMAT_EXTENSIBLE but is " + size
                        + " bytes, too short for the sub-format");
            }
            // The sub-format GUID starts with the plain format tag.
            tag = Short.toUnsignedInt(in.getShort(at + 24));
        }
        int formatTag = tag;
        WavEncoding encoding = WavEncoding.ofFormatTag(formatTag).orElseThrow(() -> new UnreadableWav(
                "format tag " + formatTag + unsupportedName(formatTag, bits) + " is not PCM (1), A-law (6) or µ-law (7)"));
        if (channels == 0) {
            throw new UnreadableWav("the fmt chunk says 0 channels");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw new UnreadableWav("the fmt chunk's sample rate " + sampleRate + " Hz is impossible");
        }
        if (bits == 0 || bits % 8 != 0) {
            throw new UnreadableWav("the fmt chunk's " + bits + " bits per sample are not whole bytes");
        }
        if (encoding != WavEncoding.PCM && bits != 8) {
            throw new UnreadableWav(encoding + " must have 8 bits per sample, the fmt chunk says " + bits);
        }
        WavFormat format = new WavFormat(encoding, channels, (int) sampleRate, bits);
        if (blockAlign != format.blockAlign()) {
            throw new UnreadableWav("the fmt chunk's block align is " + blockAlign + ", but " + channels
                    + " channel(s) of " + bits + " bits need " + format.blockAlign());
        }
        return format;
    }

    /** The name of a format tag met in uploads that this reader does not decode, so a refusal says what the file is. */
    private static String unsupportedName(int formatTag, int bits) {
        return switch (formatTag) {
            case 2 -> " (MS ADPCM)";
            case 3 -> " (" + bits + "-bit float)";
            case 0x11 -> " (IMA ADPCM)";
            case 0x31 -> " (GSM 6.10)";
            case 0x55 -> " (MP3)";
            default -> "";
        };
    }

    private static String fourCc(ByteBuffer in, int at) {
        char[] id = new char[4];
        for (int i = 0; i < 4; i++) {
            id[i] = (char) (in.get(at + i) & 0xFF);
        }
        return new String(id);
    }

    private static String printable(String fourCc) {
        return fourCc.replaceAll("[^\\x20-\\x7E]", "?");
    }

    public WavFormat format() {
        return format;
    }

    /** Whether the file declared more audio than it holds: a recording still being written, or cut off. */
    public boolean truncated() {
        return truncated;
    }

    /** The data chunk's length in bytes, whole blocks only. */
    public int dataLength() {
        return data.length;
    }

    /** How many samples each channel has. */
    public int sampleFrames() {
        return data.length / format.blockAlign();
    }

    /** A copy of the data chunk, channels interleaved as in the file. */
    public byte[] data() {
        return data.clone();
    }

    /** One channel's bytes of an 8-bit file (G.711): what crossed the wire for that side. */
    public byte[] channel(int index) {
        requireChannel(index);
        if (format.bitsPerSample() != 8) {
            throw new IllegalStateException("channel bytes are for 8-bit files; this one is " + format);
        }
        int channels = format.channels();
        byte[] samples = new byte[sampleFrames()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = data[i * channels + index];
        }
        return samples;
    }

    /** One channel of a 16-bit linear PCM file as samples. */
    public short[] linearChannel(int index) {
        requireChannel(index);
        if (format.encoding() != WavEncoding.PCM || format.bitsPerSample() != 16) {
            throw new IllegalStateException("linear samples are for 16-bit PCM files; this one is " + format);
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int block = format.blockAlign();
        short[] samples = new short[sampleFrames()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = in.getShort(i * block + index * 2);
        }
        return samples;
    }

    private void requireChannel(int index) {
        if (index < 0 || index >= format.channels()) {
            throw new IndexOutOfBoundsException("channel " + index + " of a file with " + format.channels());
        }
    }
}
