package io.verbund.acd.storage.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One file written so that readers see either the old content or the whole new one, never a part:
 * the bytes go to a hidden temporary file in the target's own folder (same file system, so the
 * rename is atomic), are forced to disk, and only {@link #commit} renames it over the target and
 * forces the folder entry too. {@link #close} without a commit removes the temporary file, so an
 * upload that breaks off (client gone, limit exceeded, checksum wrong) leaves nothing visible.
 * A JVM killed in between leaves a {@value #TEMP_PREFIX}… file that listings ignore and the
 * retention sweep removes.
 */
public final class AtomicWrite implements AutoCloseable {

    public static final String TEMP_PREFIX = ".tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 64 * 1024;

    /** The body was longer than the limit the caller gave; nothing was kept. */
    public static final class LimitExceeded extends IOException {
        private final long limit;

        public LimitExceeded(long limit) {
            super("more than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** What was written: the size and the SHA-256 of exactly those bytes. */
    public record Written(long size, Sha256 sha256) {
    }

    private final Path folder;
    private final Path temp;
    private boolean committed;

    private AtomicWrite(Path folder, Path temp) {
        this.folder = folder;
        this.temp = temp;
    }

    /** Creates the hidden temporary file in {@code folder} (created if missing). */
    public static AtomicWrite in(Path folder) throws IOException {
        Files.createDirectories(folder);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Path temp = folder.resolve(TEMP_PREFIX + HexFormat.of().formatHex(random));
        Files.createFile(temp);
        return new AtomicWrite(folder, temp);
    }

    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(TEMP_PREFIX);
    }

    /**
     * Copies {@code body} into the temporary file, at most {@code limit} bytes, and forces it to disk.
     *
     * @throws LimitExceeded when the body has more bytes than {@code limit}
     */
    public Written write(InputStream body, long limit) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                size += read;
                if (size > limit) {
                    throw new LimitExceeded(limit);
                }
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        }
        return new Written(size, Sha256.of(digest));
    }

    /** Writes {@code content} whole (already in memory, e.g. a converted prompt) and forces it to disk. */
    public Written write(byte[] content) throws IOException {
        return write(new java.io.ByteArrayInputStream(content), content.length);
    }

    /**
     * Renames the written file over {@code target} atomically and forces the folder entry.
     *
     * @param replace false: fail with {@link FileAlreadyExistsException} if the target exists
     * @param modified the last-modified time the file gets before it becomes visible
     */
    public void commit(Path target, boolean replace, FileTime modified) throws IOException {
        if (!target.getParent().equals(folder)) {
            throw new IllegalArgumentException("the target must be in the temporary file's folder");
        }
        Files.setLastModifiedTime(temp, modified);
        if (replace) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            // A hard link fails if the target exists, and is as atomic as a rename; then drop the temp name.
            Files.createLink(target, temp);
            Files.delete(temp);
        }
        committed = true;
        forceFolder(folder);
    }

    /** Makes a rename in {@code folder} durable (Linux lets a folder be opened and forced). */
    static void forceFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Not every file system allows it; the rename itself is still atomic.
        }
    }

    Path temporaryFile() {
        return temp;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
        }
    }
}
