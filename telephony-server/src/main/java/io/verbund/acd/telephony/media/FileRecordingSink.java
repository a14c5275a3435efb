package io.verbund.acd.telephony.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A recording written to a local file: the spool a node keeps when the storage service is away, and
 * what tests read back. The file is a playable WAV the whole time: while recording its header says
 * "length unknown".
 */
public final class FileRecordingSink implements RecordingSink {

    private final Path file;
    private FileChannel channel;

    public FileRecordingSink(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public void start(byte[] header) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        writeAt(0, header, 0, header.length);
    }

    @Override
    public void append(long offset, byte[] data, int off, int len) throws IOException {
        writeAt(offset, data, off, len);
    }

    @Override
    public void finish(byte[] finalHeader, long dataLength) throws IOException {
        try (FileChannel open = channel) {
            writeAt(0, finalHeader, 0, finalHeader.length);
            open.force(false);
        }
    }

    @Override
    public void abort() {
        try {
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Nothing to tell: the recording is already lost, and a stray spool file is swept later.
        }
    }

    private void writeAt(long offset, byte[] data, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data, off, len);
        long position = offset;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }
}
