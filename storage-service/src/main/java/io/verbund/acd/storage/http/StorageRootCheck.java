package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.health.Check;
import io.verbund.acd.runtime.health.ServiceCheck;
import io.verbund.acd.storage.file.AtomicWrite;
import io.verbund.acd.storage.file.FileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The storage root in {@code /storage/health}: UP when a file can be created there (and is removed
 * again), with the free and total bytes of its file system so an operator sees it filling up.
 */
@ApplicationScoped
public class StorageRootCheck implements ServiceCheck {

    private final FileStore store;

    @Inject
    public StorageRootCheck(FileStore store) {
        this.store = store;
    }

    /** For CDI's proxy only. */
    protected StorageRootCheck() {
        this.store = null;
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public Check check() {
        try {
            Files.createDirectories(store.root());
            try (AtomicWrite probe = AtomicWrite.in(store.root())) {
                probe.write(new byte[] {1});
            }
            java.nio.file.FileStore fileSystem = Files.getFileStore(store.root());
            return Check.up(Json.createObjectBuilder().add("root", store.root().toString()).add("writable", true)
                    .add("freeBytes", fileSystem.getUsableSpace()).add("totalBytes", fileSystem.getTotalSpace()));
        } catch (IOException | RuntimeException e) {
            return Check.down(Json.createObjectBuilder().add("root", store.root().toString()).add("writable", false)
                    .add("problem", "cannot write to the storage root: " + e.getClass().getSimpleName()));
        }
    }
}
