package io.verbund.acd.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds RIFF files chunk by chunk, including the malformed ones a reader must refuse. */
final class RiffBuilder {

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private Integer riffSize;

    static RiffBuilder wave() {
        return new RiffBuilder();
    }

    RiffBuilder fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        ByteBuffer fmt = le(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", fmt.array());
    }

    RiffBuilder extensibleFmt(int subFormatTag, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer fmt = le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 4 : 3)
                .putShort((short) subFormatTag)
                .put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
                        (byte) 0x9B, 0x71});
        return chunk("fmt ", fmt.array());
    }

    RiffBuilder chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk whose header claims {@code declaredSize}, whatever the body holds. */
    RiffBuilder chunk(String id, long declaredSize, byte[] body) {
        chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        chunks.writeBytes(le(4).putInt((int) declaredSize).array());
        chunks.writeBytes(body);
        if (body.length % 2 == 1 && declaredSize == body.length) {
            chunks.write(0);
        }
        return this;
    }

    RiffBuilder riffSize(int size) {
        this.riffSize = size;
        return this;
    }

    byte[] build() {
        byte[] body = chunks.toByteArray();
        ByteBuffer file = le(12 + body.length);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(riffSize != null ? riffSize : 4 + body.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put(body);
        return file.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
