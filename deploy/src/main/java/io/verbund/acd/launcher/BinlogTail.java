package io.verbund.acd.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;

/**
 * The last GTID sequence number of one domain in a stopped server's newest binlog file, read from the
 * file itself (the server is down, and the distribution has no {@code mariadb-binlog}): what its
 * crash recovery keeps when it starts again without cutting anything.
 */
final class BinlogTail {

    private static final int HEADER = 19;
    private static final int GTID_EVENT = 162;
    private static final byte[] MAGIC = {(byte) 0xfe, 'b', 'i', 'n'};

    private BinlogTail() {
    }

    /**
     * The highest sequence number of {@code domain} in the newest file of the binlog whose index is
     * {@code index} ({@code <name>-bin.index}, beside the files); empty without one. A torn last event
     * (the crash) ends the reading.
     */
    static OptionalLong lastSequence(Path index, long domain) throws IOException {
        if (!Files.isRegularFile(index)) {
            return OptionalLong.empty();
        }
        List<String> files = Files.readAllLines(index).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (files.isEmpty()) {
            return OptionalLong.empty();
        }
        Path newest = index.resolveSibling(Path.of(files.get(files.size() - 1)).getFileName());
        return Files.isRegularFile(newest) ? lastSequenceIn(newest, domain) : OptionalLong.empty();
    }

    static OptionalLong lastSequenceIn(Path binlog, long domain) throws IOException {
        try (FileChannel channel = FileChannel.open(binlog, StandardOpenOption.READ)) {
            ByteBuffer file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            for (byte magic : MAGIC) {
                if (!file.hasRemaining() || file.get() != magic) {
                    return OptionalLong.empty();
                }
            }
            OptionalLong last = OptionalLong.empty();
            while (file.remaining() >= HEADER) {
                int start = file.position();
                int type = Byte.toUnsignedInt(file.get(start + 4));
                long length = Integer.toUnsignedLong(file.getInt(start + 9));
                if (length < HEADER || length > file.remaining()) {
                    break;
                }
                // A GTID event's body: the sequence number (8 bytes), then the domain (4).
                if (type == GTID_EVENT && length >= HEADER + 12) {
                    long sequence = file.getLong(start + HEADER);
                    long eventDomain = Integer.toUnsignedLong(file.getInt(start + HEADER + 8));
                    if (eventDomain == domain && (last.isEmpty() || Long.compareUnsigned(sequence, last.getAsLong()) > 0)) {
                        last = OptionalLong.of(sequence);
                    }
                }
                file.position(start + (int) length);
            }
            return last;
        }
    }
}
