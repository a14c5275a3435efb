package io.verbund.acd.storage.file;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store knows about one file. A file being streamed ({@code complete == false}) grows
 * and has no checksum yet; a complete one has the SHA-256 computed when it was written, unless it
 * was changed behind the store's back, then {@code sha256} is empty until verified.
 */
public record StoredFile(FileName name, long size, Instant created, Instant modified, String contentType,
                         Optional<Sha256> sha256, boolean complete) {
}
