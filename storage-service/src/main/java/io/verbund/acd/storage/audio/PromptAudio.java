package io.verbund.acd.storage.audio;

import io.verbund.acd.audio.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Turns an uploaded announcement into what the media path plays without converting: G.711 µ-law,
 * 8000 Hz, mono, in a WAV file. Accepted input: a WAV file of 16-bit PCM (8000 Hz or higher,
 * resampled), or of G.711 µ-law or A-law at 8000 Hz, always mono; or raw G.711 bytes, whose
 * law the caller knows from the content type. Anything else is refused with a reason a person
 * can act on. Longer than {@code maxLength} is refused as well.
 */
public final class PromptAudio {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_MULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /** Raw G.711 without a header. */
    public enum RawLaw { MU_LAW, A_LAW }

    private final Duration maxLength;

    public PromptAudio(Duration maxLength) {
        this.maxLength = maxLength;
    }

    /** Converts a WAV file. */
    public byte[] fromWav(byte[] wav) throws InvalidPrompt {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !ascii(wav, 0, "RIFF") || !ascii(wav, 8, "WAVE")) {
            throw new InvalidPrompt("Prompts must be WAV files (RIFF/WAVE) or raw G.711 sent as audio/basic, audio/PCMU or audio/PCMA; "
                    + "this file starts with " + firstBytes(wav), true);
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int dataOffset = -1;
        int dataLength = 0;
        int position = 12;
        while (position + 8 <= wav.length) {
            String id = new String(wav, position, 4, StandardCharsets.US_ASCII);
            long size = in.getInt(position + 4) & 0xFFFFFFFFL;
            int body = position + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > wav.length) {
                    throw new InvalidPrompt("The WAV file's fmt chunk is shorter than 16 bytes", false);
                }
                format = in.getShort(body) & 0xFFFF;
                channels = in.getShort(body + 2) & 0xFFFF;
                rate = in.getInt(body + 4);
                bits = in.getShort(body + 14) & 0xFFFF;
                if (format == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= wav.length) {
                    format = in.getShort(body + 24) & 0xFFFF;
                }
            } else if (id.equals("data")) {
                dataOffset = body;
                // A recorder killed before it wrote the length leaves 0 or 0xFFFFFFFF: take what is there.
                long available = wav.length - (long) body;
                dataLength = (int) (size == 0 || size > available ? available : size);
                break;
            }
            position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        if (format < 0) {
            throw new InvalidPrompt("The WAV file has no fmt chunk", false);
        }
        if (dataOffset < 0) {
            throw new InvalidPrompt("The WAV file has no data chunk", false);
        }
        String described = "WAV of " + formatName(format, bits) + " at " + rate + " Hz " + channelName(channels);
        if (channels != 1) {
            throw new InvalidPrompt(described + ": prompts must be mono", false);
        }
        ByteBuffer data = ByteBuffer.wrap(wav, dataOffset, dataLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        return switch (format) {
            case FORMAT_PCM -> {
                if (bits != 16) {
                    throw new InvalidPrompt(described + ": PCM prompts must have 16 bits a sample", false);
                }
                if (rate < 8000) {
                    throw new InvalidPrompt(described + ": the sample rate must be at least 8000 Hz", false);
                }
                short[] samples = new short[dataLength / 2];
                data.asShortBuffer().get(samples);
                checkLength(samples.length, rate, described);
                yield encode(Resampler.to8000(samples, rate));
            }
            case FORMAT_MULAW, FORMAT_ALAW -> {
                if (rate != 8000 || bits != 8) {
                    throw new InvalidPrompt(described + ": G.711 prompts must have 8 bits a sample at 8000 Hz", false);
                }
                byte[] bytes = new byte[dataLength];
                data.get(bytes);
                yield fromRaw(bytes, format == FORMAT_MULAW ? RawLaw.MU_LAW : RawLaw.A_LAW);
            }
            default -> throw new InvalidPrompt(described + ": prompts must be 16-bit PCM or G.711 µ-law/A-law", false);
        };
    }

    /** Wraps raw G.711 (8000 bytes a second) into a µ-law WAV file. */
    public byte[] fromRaw(byte[] g711, RawLaw law) throws InvalidPrompt {
        if (g711.length == 0) {
            throw new InvalidPrompt("The prompt has no audio", false);
        }
        checkLength(g711.length, 8000, "G.711 audio");
        if (law == RawLaw.MU_LAW) {
            return wav(g711);
        }
        byte[] muLaw = new byte[g711.length];
        for (int i = 0; i < g711.length; i++) {
            muLaw[i] = G711.linearToUlaw((short) G711.alawToLinear(g711[i]));
        }
        return wav(muLaw);
    }

    private void checkLength(long samples, int rate, String described) throws InvalidPrompt {
        if (samples == 0) {
            throw new InvalidPrompt(described + ": the prompt has no audio", false);
        }
        long millis = samples * 1000 / rate;
        if (millis > maxLength.toMillis()) {
            throw new InvalidPrompt(described + " lasts " + millis / 1000 + " s: prompts may last at most " + maxLength.toSeconds() + " s", false);
        }
    }

    private static byte[] encode(short[] samples) throws InvalidPrompt {
        if (samples.length == 0) {
            throw new InvalidPrompt("The prompt has no audio", false);
        }
        byte[] muLaw = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            muLaw[i] = G711.linearToUlaw((short) samples[i]);
        }
        return wav(muLaw);
    }

    /** A µ-law WAV: RIFF, an 18-byte fmt chunk (format 7), a fact chunk, the data. */
    static byte[] wav(byte[] muLaw) {
        int dataPadding = muLaw.length & 1;
        ByteBuffer out = ByteBuffer.allocate(58 + muLaw.length + dataPadding).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(50 + muLaw.length + dataPadding)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(18)
                .putShort((short) FORMAT_MULAW).putShort((short) 1).putInt(8000).putInt(8000)
                .putShort((short) 1).putShort((short) 8).putShort((short) 0)
                .put("fact".getBytes(StandardCharsets.US_ASCII)).putInt(4).putInt(muLaw.length)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(muLaw.length).put(muLaw);
        return out.array();
    }

    private static String formatName(int format, int bits) {
        return switch (format) {
            case FORMAT_PCM -> bits + "-bit PCM";
            case FORMAT_MULAW -> "G.711 µ-law";
            case FORMAT_ALAW -> "G.711 A-law";
            case 3 -> "32-bit float";
            case 0x55 -> "MP3";
            default -> "format " + format;
        };
    }

    private static String channelName(int channels) {
        return switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " channels";
        };
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII).equals(text);
    }

    private static String firstBytes(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        int count = Math.min(4, bytes.length);
        if (count == 0) {
            return "nothing (it is empty)";
        }
        for (int i = 0; i < count; i++) {
            text.append(String.format("%02X ", bytes[i] & 0xFF));
        }
        StringBuilder printable = new StringBuilder();
        for (int i = 0; i < count; i++) {
            char c = (char) (bytes[i] & 0xFF);
            printable.append(c >= 0x20 && c < 0x7F ? c : '.');
        }
        return "the bytes " + text.toString().strip() + " ('" + printable + "')";
    }
}
