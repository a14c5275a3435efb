package io.verbund.acd.storage.file;

import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.storage.StorageProblem;
import io.verbund.acd.tenant.TenantKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tenants' files on the shared root: {@code <root>/<tenant>/<category>/<name>}, each with a
 * sidecar under {@code .meta/}. The only class that builds paths from requests, and it builds them
 * only from a {@link TenantKey}, a {@link FileCategory} and a {@link FileName}, none of which can
 * name anything outside that folder. Whole files are replaced atomically ({@link AtomicWrite});
 * a streamed file grows in place and is listed as incomplete until completed.
 *
 * <p>Writers of one file are serialised inside this JVM by a striped lock and across nodes by an
 * OS lock on the file, taken for each append.
 */
public final class FileStore {

    private static final String DEFAULT_TYPE = "application/octet-stream";
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public FileStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
        Arrays.setAll(stripes, i -> new ReentrantLock());
    }

    public Path root() {
        return root;
    }

    public Path folder(TenantKey tenant, FileCategory category) {
        return root.resolve(tenant.value()).resolve(category.segment());
    }

    private Path contentPath(TenantKey tenant, FileCategory category, FileName name) {
        Path folder = folder(tenant, category);
        Path file = folder.resolve(name.value()).normalize();
        if (!folder.equals(file.getParent())) {
            // FileName makes this impossible; a second wall costs nothing.
            throw StorageProblem.invalidName("The file name leaves its folder");
        }
        return file;
    }

    /** The files of one category whose names start with {@code prefix}, sorted by name; temp and hidden files never. */
    public List<FileName> names(TenantKey tenant, FileCategory category, String prefix) throws IOException {
        Path folder = folder(tenant, category);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<FileName> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                if (fileName.startsWith(".") || !fileName.startsWith(prefix) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        || FileName.problemWith(fileName) != null) {
                    continue;
                }
                names.add(new FileName(fileName));
            }
        }
        names.sort(Comparator.comparing(FileName::value));
        return names;
    }

    public Optional<StoredFile> find(TenantKey tenant, FileCategory category, FileName name) throws IOException {
        return describe(contentPath(tenant, category, name), name);
    }

    private Optional<StoredFile> describe(Path file, FileName name) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        long modified = attributes.lastModifiedTime().toMillis();
        Optional<FileMetadata> meta = FileMetadata.read(file);
        Instant created = meta.map(FileMetadata::created).orElse(attributes.lastModifiedTime().toInstant());
        String type = meta.map(FileMetadata::contentType).orElse(DEFAULT_TYPE);
        boolean complete = meta.map(FileMetadata::complete).orElse(true);
        Optional<Sha256> sha = meta.filter(m -> m.matches(attributes.size(), modified)).flatMap(FileMetadata::sha256);
        return Optional.of(new StoredFile(name, attributes.size(), created, Instant.ofEpochMilli(modified), type, sha, complete));
    }

    /** Opens the file for reading, or empty when there is none. */
    public Optional<FileChannel> open(TenantKey tenant, FileCategory category, FileName name) throws IOException {
        try {
            return Optional.of(FileChannel.open(contentPath(tenant, category, name), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores a whole file atomically: readers see the old file or the complete new one.
     *
     * @param limit     at most this many bytes are accepted ({@link AtomicWrite.LimitExceeded} beyond)
     * @param expected  the SHA-256 the client says it sent: on a mismatch nothing is stored
     * @param mustBeNew refuse (412) when a file of the name exists
     * @return the stored file, and whether it replaced one
     */
    public Stored store(TenantKey tenant, FileCategory category, FileName name, InputStream body, long limit,
                        Optional<Sha256> expected, String contentType, boolean mustBeNew) throws IOException {
        Path file = contentPath(tenant, category, name);
        try (AtomicWrite write = AtomicWrite.in(file.getParent())) {
            AtomicWrite.Written written = write.write(body, limit);
            if (expected.isPresent() && !expected.get().equals(written.sha256())) {
                throw StorageProblem.checksumMismatch(tenant, expected.get().hex(), written.sha256().hex());
            }
            ReentrantLock lock = lockOf(file);
            lock.lock();
            try {
                Optional<StoredFile> existing = describe(file, name);
                if (existing.isPresent() && mustBeNew) {
                    throw StorageProblem.exists(tenant, name.value());
                }
                if (existing.isPresent() && !existing.get().complete()) {
                    throw StorageProblem.conflict(tenant, "'" + name + "' is being streamed; complete or abort that upload first");
                }
                Instant now = clock.instant();
                FileTime modified = FileTime.fromMillis(now.toEpochMilli());
                // The sidecar first: if we die between the renames, it does not match the old file and is not trusted.
                new FileMetadata(contentType == null ? DEFAULT_TYPE : contentType, now, true, Optional.of(written.sha256()),
                        written.size(), modified.toMillis()).write(file);
                try {
                    write.commit(file, !mustBeNew, modified);
                } catch (FileAlreadyExistsException raced) {
                    throw StorageProblem.exists(tenant, name.value());
                }
                return new Stored(new StoredFile(name, written.size(), now, now, contentType == null ? DEFAULT_TYPE : contentType,
                        Optional.of(written.sha256()), true), existing.isPresent(), existing.map(StoredFile::size).orElse(0L));
            } finally {
                lock.unlock();
            }
        }
    }

    /** The outcome of {@link #store}: the file, whether it replaced one, and the replaced file's size. */
    public record Stored(StoredFile file, boolean replaced, long replacedSize) {
    }

    public boolean delete(TenantKey tenant, FileCategory category, FileName name) throws IOException {
        Path file = contentPath(tenant, category, name);
        ReentrantLock lock = lockOf(file);
        lock.lock();
        try {
            boolean deleted = Files.deleteIfExists(file);
            FileMetadata.delete(file);
            if (deleted) {
                AtomicWrite.forceFolder(file.getParent());
            }
            return deleted;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Creates an empty file to be streamed into. Idempotent: for a file already being streamed it
     * answers that file (a recorder that retries its start resumes at the returned size).
     */
    public StoredFile startUpload(TenantKey tenant, FileCategory category, FileName name, String contentType) throws IOException {
        Path file = contentPath(tenant, category, name);
        ReentrantLock lock = lockOf(file);
        lock.lock();
        try {
            Optional<StoredFile> existing = describe(file, name);
            if (existing.isPresent()) {
                if (existing.get().complete()) {
                    throw StorageProblem.conflict(tenant, "'" + name + "' exists and is complete; delete it first to stream a new one");
                }
                return existing.get();
            }
            Files.createDirectories(file.getParent());
            Instant now = clock.instant();
            String type = contentType == null ? DEFAULT_TYPE : contentType;
            new FileMetadata(type, now, false, Optional.empty(), 0, 0).write(file);
            Files.createFile(file);
            Files.setLastModifiedTime(file, FileTime.from(now));
            AtomicWrite.forceFolder(file.getParent());
            return new StoredFile(name, 0, now, now, type, Optional.empty(), false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends {@code bytes} at {@code offset} of a file being streamed and forces them to disk
     * before answering, so a writer that crashes loses only what it had not sent. A retry is safe:
     * bytes at offsets already written must equal what is there (then they are accepted again),
     * only the part beyond the end is appended.
     *
     * @return the file's size afterwards (the next offset to append at)
     */
    public long append(TenantKey tenant, FileCategory category, FileName name, long offset, byte[] bytes) throws IOException {
        Path file = contentPath(tenant, category, name);
        ReentrantLock lock = lockOf(file);
        lock.lock();
        try (FileChannel channel = openInProgress(tenant, category, name, file); FileLock ignored = channel.lock()) {
            long length = channel.size();
            if (offset < 0 || offset > length) {
                throw StorageProblem.offsetMismatch(tenant, offset, length,
                        "The upload of '" + name + "' has " + length + " bytes; an append must start at or before that, not at " + offset);
            }
            int overlap = (int) Math.min(length - offset, bytes.length);
            if (overlap > 0 && !sameBytes(channel, offset, bytes, overlap)) {
                throw StorageProblem.offsetMismatch(tenant, offset, length,
                        "Other bytes are already stored at offset " + offset + " of '" + name + "'; an append never changes written bytes");
            }
            if (overlap < bytes.length) {
                writeFully(channel, ByteBuffer.wrap(bytes, overlap, bytes.length - overlap), length);
                channel.force(false);
            }
            return Math.max(length, offset + bytes.length);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Overwrites bytes already written in a file being streamed, e.g. a WAV header that can only
     * be filled in once the length is known.
     */
    public void overwrite(TenantKey tenant, FileCategory category, FileName name, long offset, byte[] bytes) throws IOException {
        Path file = contentPath(tenant, category, name);
        ReentrantLock lock = lockOf(file);
        lock.lock();
        try (FileChannel channel = openInProgress(tenant, category, name, file); FileLock ignored = channel.lock()) {
            long length = channel.size();
            if (offset < 0 || offset + bytes.length > length) {
                throw StorageProblem.offsetMismatch(tenant, offset, length, "An overwrite must lie within the " + length
                        + " bytes written so far; bytes " + offset + "-" + (offset + bytes.length - 1) + " do not");
            }
            writeFully(channel, ByteBuffer.wrap(bytes), offset);
            channel.force(false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes a streamed file: computes its SHA-256 and records it. With {@code expected} set and
     * not matching, the file stays incomplete and the caller may fix it.
     */
    public StoredFile complete(TenantKey tenant, FileCategory category, FileName name, Optional<Sha256> expected) throws IOException {
        Path file = contentPath(tenant, category, name);
        ReentrantLock lock = lockOf(file);
        lock.lock();
        try {
            StoredFile current = describe(file, name).orElseThrow(() -> StorageProblem.unknownFile(tenant, category.segment(), name.value()));
            if (current.complete()) {
                return current;
            }
            Sha256 actual = digest(file);
            if (expected.isPresent() && !expected.get().equals(actual)) {
                throw StorageProblem.checksumMismatch(tenant, expected.get().hex(), actual.hex());
            }
            Instant now = clock.instant();
            Files.setLastModifiedTime(file, FileTime.fromMillis(now.toEpochMilli()));
            long size = Files.size(file);
            new FileMetadata(current.contentType(), current.created(), true, Optional.of(actual), size, now.toEpochMilli()).write(file);
            return new StoredFile(name, size, current.created(), now, current.contentType(), Optional.of(actual), true);
        } finally {
            lock.unlock();
        }
    }

    /** Computes the SHA-256 of the file as it is now. */
    public Sha256 digest(TenantKey tenant, FileCategory category, FileName name) throws IOException {
        Path file = contentPath(tenant, category, name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw StorageProblem.unknownFile(tenant, category.segment(), name.value());
        }
        return digest(file);
    }

    private static Sha256 digest(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        }
        return Sha256.of(digest);
    }

    /** Bytes per category of one tenant: content files only, sidecars and temp files not counted. */
    public Map<FileCategory, Long> usage(TenantKey tenant) throws IOException {
        Map<FileCategory, Long> usage = new EnumMap<>(FileCategory.class);
        for (FileCategory category : FileCategory.values()) {
            long bytes = 0;
            Path folder = folder(tenant, category);
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                    for (Path entry : entries) {
                        if (!entry.getFileName().toString().startsWith(".")) {
                            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                            if (attributes.isRegularFile()) {
                                bytes += attributes.size();
                            }
                        }
                    }
                }
            }
            usage.put(category, bytes);
        }
        return usage;
    }

    private FileChannel openInProgress(TenantKey tenant, FileCategory category, FileName name, Path file) throws IOException {
        StoredFile current = describe(file, name).orElseThrow(() -> StorageProblem.unknownFile(tenant, category.segment(), name.value()));
        if (current.complete()) {
            throw StorageProblem.conflict(tenant, "'" + name + "' is complete; a complete file is never changed in place");
        }
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean sameBytes(FileChannel channel, long offset, byte[] bytes, int count) throws IOException {
        ByteBuffer stored = ByteBuffer.allocate(count);
        long position = offset;
        while (stored.hasRemaining()) {
            int read = channel.read(stored, position);
            if (read < 0) {
                return false;
            }
            position += read;
        }
        return Arrays.equals(stored.array(), 0, count, bytes, 0, count);
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private ReentrantLock lockOf(Path file) {
        return stripes[Math.floorMod(file.hashCode(), stripes.length)];
    }
}
