package io.verbund.acd.storage.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The sidecar of one stored file, {@code .meta/<name>.properties} beside it: content type, creation
 * time, whether it is complete, and for a complete file its SHA-256 together with the size and
 * modification time it was computed for. A sidecar whose size or time no longer match the file
 * (changed by hand, or a crash between the two renames) is not trusted for the checksum.
 */
record FileMetadata(String contentType, Instant created, boolean complete, Optional<Sha256> sha256, long size, long modifiedMillis) {

    static final String FOLDER = ".meta";

    static Path sidecarOf(Path content) {
        return content.getParent().resolve(FOLDER).resolve(content.getFileName() + ".properties");
    }

    static Optional<FileMetadata> read(Path content) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(sidecarOf(content))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileMetadata(properties.getProperty("contentType", "application/octet-stream"),
                    Instant.parse(properties.getProperty("created")),
                    Boolean.parseBoolean(properties.getProperty("complete", "true")),
                    Optional.ofNullable(properties.getProperty("sha256")).flatMap(Sha256::parseHex),
                    Long.parseLong(properties.getProperty("size", "-1")),
                    Long.parseLong(properties.getProperty("modified", "-1"))));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Replaces the sidecar atomically. */
    void write(Path content) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("contentType", contentType);
        properties.setProperty("created", created.toString());
        properties.setProperty("complete", Boolean.toString(complete));
        sha256.ifPresent(sha -> properties.setProperty("sha256", sha.hex()));
        properties.setProperty("size", Long.toString(size));
        properties.setProperty("modified", Long.toString(modifiedMillis));
        StringWriter text = new StringWriter();
        properties.store(text, "Verbund storage: sidecar of " + content.getFileName());
        Path sidecar = sidecarOf(content);
        try (AtomicWrite write = AtomicWrite.in(sidecar.getParent())) {
            write.write(text.toString().getBytes(StandardCharsets.UTF_8));
            write.commit(sidecar, true, FileTime.from(Instant.now()));
        }
    }

    static void delete(Path content) throws IOException {
        Files.deleteIfExists(sidecarOf(content));
    }

    /** Whether the recorded checksum belongs to the file as it is now. */
    boolean matches(long fileSize, long fileModifiedMillis) {
        return complete && size == fileSize && modifiedMillis == fileModifiedMillis;
    }
}
