package io.verbund.acd.runtime.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One idempotent write for the master as a journal entry holds it: which statement (by a name that
 * stays stable across versions, never an ordinal) and its parameters, each a {@code String},
 * {@code Long}, {@code Integer}, {@code Instant} or null. A small binary form, not JSON: the call
 * path appends thousands a second, and the entry only travels from this node to its own drain.
 */
public record JournaledStatement(String kind, List<Object> parameters) {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INT = 3;
    private static final byte INSTANT = 4;

    public static JournaledStatement of(String kind, Object... parameters) {
        return new JournaledStatement(kind, Collections.unmodifiableList(Arrays.asList(parameters)));
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 16 * parameters.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, kind);
            out.writeShort(parameters.size());
            for (Object parameter : parameters) {
                if (parameter == null) {
                    out.writeByte(NULL);
                } else if (parameter instanceof String text) {
                    out.writeByte(STRING);
                    writeString(out, text);
                } else if (parameter instanceof Long number) {
                    out.writeByte(LONG);
                    out.writeLong(number);
                } else if (parameter instanceof Integer number) {
                    out.writeByte(INT);
                    out.writeInt(number);
                } else if (parameter instanceof Instant instant) {
                    out.writeByte(INSTANT);
                    out.writeLong(instant.getEpochSecond());
                    out.writeInt(instant.getNano());
                } else {
                    throw new IllegalArgumentException("a journaled statement takes no " + parameter.getClass().getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a statement this version wrote */
    public static JournaledStatement decode(byte[] entry) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry))) {
            String kind = readString(in);
            int count = in.readUnsignedShort();
            List<Object> parameters = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte tag = in.readByte();
                switch (tag) {
                    case NULL -> parameters.add(null);
                    case STRING -> parameters.add(readString(in));
                    case LONG -> parameters.add(in.readLong());
                    case INT -> parameters.add(in.readInt());
                    case INSTANT -> parameters.add(Instant.ofEpochSecond(in.readLong(), in.readInt()));
                    default -> throw new IllegalArgumentException("unknown parameter type " + tag);
                }
            }
            return new JournaledStatement(kind, Collections.unmodifiableList(parameters));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a journaled statement: " + e.getMessage(), e);
        }
    }

    /** Strings as length and UTF-8: call-event details can pass writeUTF's 64 KB. */
    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
