package io.verbund.acd.runtime.storage;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A stored file as the storage service describes it; {@code sha256} is empty while it is streamed. */
public record StoredFileInfo(String name, long size, String contentType, Instant created, Instant modified,
                             Optional<String> sha256, boolean complete) {

    static StoredFileInfo of(JsonObject json) {
        return new StoredFileInfo(json.getString("name"), json.getJsonNumber("size").longValue(), json.getString("contentType"),
                Instant.parse(json.getString("created")), Instant.parse(json.getString("modified")),
                json.isNull("sha256") ? Optional.empty() : Optional.of(json.getString("sha256")), json.getBoolean("complete"));
    }
}
