package io.verbund.acd.runtime.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * An append-only journal in a folder of its own: segment files {@code segment-<n>.log} and a
 * {@code checkpoint} naming the first entry its sink has not committed.
 *
 * <p>Each entry is {@code length, crc32, appendedAt millis, payload}; the CRC covers time and
 * payload, so an entry a crash cut short (or a tail of zeros after a power loss) is recognised when
 * the journal opens, and it and everything after it in its segment are cut off. Only an
 * unacknowledged append can be lost that way: {@link #append} has written the entry to the file
 * before it returns, so it survives a kill of the process (the kernel holds it), and
 * {@link #sync()}, called every ~100 ms, forces it to the disk for a power loss.
 *
 * <p>Memory stays bounded whatever the backlog: entries live in the files only, and
 * {@link #drain} reads at most one batch ({@link Limits#batchEntries}, {@link Limits#batchBytes}).
 * Drained segments are deleted; a new segment starts at {@link Limits#segmentBytes} and at every
 * opening, so a segment once left is never written again; the next sync forces and closes it.
 *
 * <p>Thread-safe: any number of appending threads, one draining at a time (further callers wait).
 */
public final class Journal implements Closeable {

    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    static final int HEADER = 16;
    private static final String CHECKPOINT = "checkpoint";
    private static final String ID = "journal-id";
    private static final int CHECKPOINT_BYTES = 20;

    /**
     * @param segmentBytes a segment is closed once it holds this many bytes
     * @param batchEntries at most this many entries go to the sink at once
     * @param batchBytes   and at most about this many bytes of payload
     * @param entryBytes   the largest payload {@link #append} accepts; a longer length field is damage
     */
    public record Limits(long segmentBytes, int batchEntries, int batchBytes, int entryBytes) {

        /** 64 MiB segments, batches of 5000 entries or 4 MiB, entries up to 1 MiB. */
        public static final Limits DEFAULT = new Limits(64L << 20, 5000, 4 << 20, 1 << 20);
    }

    /** Where the writer is: readers take what lies before it, and any segment below it is complete. */
    private record Mark(long segment, long position) {
    }

    private final Path folder;
    private final Limits limits;
    private final Clock clock;
    private String id;

    // The writer's state, guarded by this.
    private FileChannel writeChannel;
    private final List<FileChannel> sealed = new ArrayList<>();
    private final ByteBuffer header = ByteBuffer.allocate(HEADER);
    private final CRC32 crc = new CRC32();
    private boolean dirty;
    private long pendingEntries;
    private long pendingBytes;
    private long oldestPending;
    private volatile Mark mark;

    // The reader's state, guarded by drainLock.
    private final Object drainLock = new Object();
    private long readSegment;
    private long readOffset;
    private FileChannel readChannel;
    private long readChannelSegment = -1;

    private Journal(Path folder, Limits limits, Clock clock) {
        this.folder = folder;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Opens the journal in {@code folder} (created if missing): continues from the checkpoint, cuts a
     * torn entry off, and starts a new segment for appends.
     */
    public static Journal open(Path folder, Limits limits, Clock clock) throws IOException {
        Journal journal = new Journal(folder, limits, clock);
        journal.recover();
        return journal;
    }

    private void recover() throws IOException {
        Files.createDirectories(folder);
        Path idFile = folder.resolve(ID);
        if (!Files.isRegularFile(idFile)) {
            // Whole or not at all: an empty id would make dead-letter positions repeat.
            Path next = folder.resolve(ID + ".next");
            Files.writeString(next, UUID.randomUUID().toString());
            replace(next, idFile);
        }
        id = Files.readString(idFile).trim();
        List<Long> segments = segments();
        long[] checkpoint = readCheckpoint();
        long first = segments.isEmpty() ? checkpoint[0] : segments.get(0);
        if (checkpoint[0] < first || (!segments.isEmpty() && !segments.contains(checkpoint[0]))) {
            // The checkpoint is older than the oldest segment (its last write was lost): from the start.
            long segment = segments.stream().filter(s -> s >= checkpoint[0]).findFirst().orElse(first);
            checkpoint[0] = segment;
            checkpoint[1] = 0;
        }
        readSegment = checkpoint[0];
        readOffset = checkpoint[1];
        for (long segment : segments) {
            if (segment < readSegment) {
                Files.deleteIfExists(segmentFile(segment)); // drained; the deletion was cut short
            } else {
                scan(segment, segment == readSegment ? readOffset : 0);
            }
        }
        long newest = segments.isEmpty() ? readSegment : Math.max(readSegment, segments.get(segments.size() - 1) + 1);
        if (segments.isEmpty()) {
            readOffset = 0;
        }
        startSegment(newest);
    }

    /** Counts the entries from {@code from} on and cuts the segment off at the first damaged one. */
    private void scan(long segment, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(segmentFile(segment), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (segment == readSegment && from > size) {
                readOffset = size; // the checkpoint outlived the segment's tail (power loss)
                from = size;
            }
            long position = from;
            ByteBuffer head = ByteBuffer.allocate(HEADER);
            while (position < size) {
                Optional<byte[]> payload = readEntry(channel, position, size, head);
                if (payload.isEmpty()) {
                    LOG.warning("journal " + folder + ": segment " + segment + " ends in a damaged or incomplete entry at byte "
                            + position + "; " + (size - position) + " bytes cut off (an append that was not acknowledged)");
                    channel.truncate(position);
                    channel.force(true);
                    break;
                }
                if (pendingEntries == 0) {
                    oldestPending = head.getLong(8);
                }
                pendingEntries++;
                pendingBytes += HEADER + payload.get().length;
                position += HEADER + payload.get().length;
            }
        }
    }

    /**
     * Reads the entry at {@code position}, leaving its header in {@code head}.
     *
     * @return the payload, or empty when the entry is incomplete or its CRC does not match
     */
    private Optional<byte[]> readEntry(FileChannel channel, long position, long end, ByteBuffer head) throws IOException {
        if (end - position < HEADER) {
            return Optional.empty();
        }
        head.clear();
        readFully(channel, head, position);
        int length = head.getInt(0);
        if (length < 0 || length > limits.entryBytes() || end - position - HEADER < length) {
            return Optional.empty();
        }
        byte[] payload = new byte[length];
        readFully(channel, ByteBuffer.wrap(payload), position + HEADER);
        CRC32 check = new CRC32();
        check.update(head.array(), 8, 8);
        check.update(payload);
        return (int) check.getValue() == head.getInt(4) ? Optional.of(payload) : Optional.empty();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of journal segment");
            }
        }
    }

    /**
     * Writes the entry to the current segment; when this returns, the entry survives a crash of the
     * process (and, after the next {@link #sync()}, a power loss).
     *
     * @throws IllegalArgumentException when the payload is larger than {@link Limits#entryBytes}
     */
    public void append(byte[] payload) throws IOException {
        if (payload.length > limits.entryBytes()) {
            throw new IllegalArgumentException("journal entry of " + payload.length + " bytes; at most " + limits.entryBytes());
        }
        long now = clock.millis();
        synchronized (this) {
            Mark at = mark;
            if (at.position() > 0 && at.position() + HEADER + payload.length > limits.segmentBytes()) {
                // Forced and closed by the next sync, not here: appends must not wait for the disk.
                sealed.add(writeChannel);
                startSegment(at.segment() + 1);
                at = mark;
            }
            crc.reset();
            header.clear();
            header.putInt(0, payload.length).putLong(8, now);
            crc.update(header.array(), 8, 8);
            crc.update(payload);
            header.putInt(4, (int) crc.getValue());
            ByteBuffer[] entry = {header, ByteBuffer.wrap(payload)};
            long length = HEADER + payload.length;
            long written = 0;
            while (written < length) {
                written += writeChannel.write(entry);
            }
            dirty = true;
            if (pendingEntries == 0) {
                oldestPending = now;
            }
            pendingEntries++;
            pendingBytes += length;
            mark = new Mark(at.segment(), at.position() + length);
        }
    }

    private void startSegment(long segment) throws IOException {
        writeChannel = FileChannel.open(segmentFile(segment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        mark = new Mark(segment, 0);
    }

    /** Forces what was appended to the disk (group commit): called every ~100 ms, not per append. */
    public void sync() throws IOException {
        List<FileChannel> left;
        FileChannel channel;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            dirty = false;
            left = List.copyOf(sealed);
            sealed.clear();
            channel = writeChannel;
        }
        // Outside the lock: appends go on while the disk works.
        for (FileChannel segment : left) {
            segment.force(false);
            segment.close();
        }
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // closed by close(), which forced it
        }
    }

    /**
     * Hands the next batch to the sink and, once it returned, moves the checkpoint past it and
     * deletes the segments it finished.
     *
     * @return how many entries the sink stored; 0 when there was nothing to drain
     * @throws JournalSink.SinkUnavailable from the sink: the entries stay and come again next time
     */
    public int drain(JournalSink sink) throws IOException, JournalSink.SinkUnavailable {
        synchronized (drainLock) {
            List<JournalEntry> batch = new ArrayList<>();
            long segment = readSegment;
            long offset = readOffset;
            long bytes = 0;
            long payloadBytes = 0;
            ByteBuffer head = ByteBuffer.allocate(HEADER);
            while (batch.size() < limits.batchEntries() && payloadBytes < limits.batchBytes()) {
                Mark at = mark;
                FileChannel channel = readChannel(segment);
                long end = segment == at.segment() ? at.position() : channel.size();
                if (offset >= end) {
                    if (segment >= at.segment()) {
                        break;
                    }
                    segment = nextSegment(segment).orElse(at.segment());
                    offset = 0;
                    continue;
                }
                Optional<byte[]> payload = readEntry(channel, offset, end, head);
                if (payload.isEmpty()) {
                    // Damage inside a segment (e.g. a power loss took a page): what follows in it cannot be framed.
                    LOG.severe("journal " + folder + ": damaged entry at " + segment + ":" + offset + "; the rest of the segment ("
                            + (end - offset) + " bytes) is skipped");
                    bytes += end - offset;
                    offset = end;
                    continue;
                }
                batch.add(new JournalEntry(segment, offset, Instant.ofEpochMilli(head.getLong(8)), payload.get()));
                offset += HEADER + payload.get().length;
                bytes += HEADER + payload.get().length;
                payloadBytes += payload.get().length;
            }
            if (!batch.isEmpty()) {
                sink.write(batch);
            }
            if (segment != readSegment || offset != readOffset) {
                commit(segment, offset, batch.size(), bytes);
            }
            return batch.size();
        }
    }

    private void commit(long segment, long offset, int entries, long bytes) throws IOException {
        writeCheckpoint(segment, offset);
        for (long drained = readSegment; drained < segment; drained++) {
            if (readChannelSegment == drained) {
                closeReadChannel();
            }
            Files.deleteIfExists(segmentFile(drained));
        }
        readSegment = segment;
        readOffset = offset;
        synchronized (this) {
            pendingEntries -= entries;
            pendingBytes -= bytes;
            if (pendingEntries > 0) {
                oldestPending = appendedAtOfEntryAt(segment, offset).orElse(oldestPending);
            }
        }
    }

    /** When the next undrained entry was appended: for the backlog's age. */
    private OptionalLong appendedAtOfEntryAt(long segment, long offset) throws IOException {
        Mark at = mark;
        FileChannel channel = readChannel(segment);
        long end = segment == at.segment() ? at.position() : channel.size();
        if (offset < end && end - offset >= HEADER) {
            ByteBuffer head = ByteBuffer.allocate(HEADER);
            readFully(channel, head, offset);
            return OptionalLong.of(head.getLong(8));
        }
        Optional<Long> next = nextSegment(segment);
        return offset >= end && next.isPresent() ? appendedAtOfEntryAt(next.get(), 0) : OptionalLong.empty();
    }

    private FileChannel readChannel(long segment) throws IOException {
        if (readChannelSegment != segment) {
            closeReadChannel();
            readChannel = FileChannel.open(segmentFile(segment), StandardOpenOption.READ);
            readChannelSegment = segment;
        }
        return readChannel;
    }

    private void closeReadChannel() throws IOException {
        if (readChannel != null) {
            readChannel.close();
            readChannel = null;
            readChannelSegment = -1;
        }
    }

    /** The entries the sink has not committed yet. */
    public synchronized JournalBacklog backlog() {
        if (pendingEntries == 0) {
            return JournalBacklog.EMPTY;
        }
        return new JournalBacklog(pendingEntries, pendingBytes, Optional.of(Instant.ofEpochMilli(oldestPending)));
    }

    /** The segments on disk, oldest first. */
    List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("segment-") && name.endsWith(".log"))
                    .map(name -> Long.parseLong(name.substring("segment-".length(), name.length() - ".log".length())))
                    .sorted()
                    .toList();
        }
    }

    private Optional<Long> nextSegment(long after) throws IOException {
        return segments().stream().filter(segment -> segment > after).findFirst();
    }

    Path segmentFile(long segment) {
        return folder.resolve(String.format("segment-%019d.log", segment));
    }

    /** {segment, offset}; the first segment's start when there is no checkpoint or it is damaged. */
    private long[] readCheckpoint() throws IOException {
        Path file = folder.resolve(CHECKPOINT);
        if (Files.isRegularFile(file)) {
            ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file));
            if (content.capacity() == CHECKPOINT_BYTES) {
                CRC32 check = new CRC32();
                check.update(content.array(), 0, 16);
                if ((int) check.getValue() == content.getInt(16)) {
                    return new long[] {content.getLong(0), content.getLong(8)};
                }
            }
            LOG.warning("journal " + folder + ": checkpoint damaged; draining again from the oldest segment (the sink is idempotent)");
        }
        return new long[] {1, 0};
    }

    /**
     * Replaces the checkpoint in one rename. Not forced to the disk: a checkpoint a power loss takes
     * back only means entries are delivered again, which the sink tolerates.
     */
    private void writeCheckpoint(long segment, long offset) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(CHECKPOINT_BYTES).putLong(0, segment).putLong(8, offset);
        CRC32 check = new CRC32();
        check.update(content.array(), 0, 16);
        content.putInt(16, (int) check.getValue());
        Path next = folder.resolve(CHECKPOINT + ".next");
        Files.write(next, content.array());
        replace(next, folder.resolve(CHECKPOINT));
    }

    private static void replace(Path next, Path file) throws IOException {
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Made when the folder was first used: with {@link JournalEntry#position()} it names an entry
     * for good, also after the folder was emptied and positions start again.
     */
    public String id() {
        return id;
    }

    public Path folder() {
        return folder;
    }

    /** Forces and closes the files; the journal continues from here when opened again. */
    @Override
    public void close() throws IOException {
        synchronized (drainLock) {
            closeReadChannel();
        }
        sync();
        synchronized (this) {
            writeChannel.force(false);
            writeChannel.close();
        }
    }
}
