package io.verbund.acd.storage.retention;

import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.storage.file.AtomicWrite;
import io.verbund.acd.storage.file.FileName;
import io.verbund.acd.storage.file.FileStore;
import io.verbund.acd.storage.file.StoredFile;
import io.verbund.acd.tenant.TenantKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * One pass over every tenant's folder: removes the files older than their category's retention
 * (by the time they were created) and temporary files of uploads that died more than a day ago.
 * Time comes from the injected clock, so tests age files by moving it.
 */
public final class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);
    static final Duration STALE_TEMP = Duration.ofDays(1);

    private final FileStore store;
    private final Clock clock;
    private final BiFunction<TenantKey, FileCategory, Optional<Duration>> retention;

    public RetentionSweep(FileStore store, Clock clock, BiFunction<TenantKey, FileCategory, Optional<Duration>> retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    /** The files past {@code keep} at {@code now}: created more than {@code keep} ago. */
    public static List<StoredFile> expired(List<StoredFile> files, Duration keep, Instant now) {
        Instant cutoff = now.minus(keep);
        return files.stream().filter(file -> file.created().isBefore(cutoff)).toList();
    }

    public RetentionReport run(String node) throws IOException {
        Instant started = clock.instant();
        List<RetentionReport.Removed> removed = new ArrayList<>();
        int staleTemp = 0;
        for (TenantKey tenant : tenants()) {
            for (FileCategory category : FileCategory.values()) {
                staleTemp += removeStaleTemporaryFiles(store.folder(tenant, category), started);
                Optional<Duration> keep = retention.apply(tenant, category);
                if (keep.isEmpty()) {
                    continue;
                }
                List<StoredFile> files = new ArrayList<>();
                for (FileName name : store.names(tenant, category, "")) {
                    store.find(tenant, category, name).ifPresent(files::add);
                }
                long count = 0;
                long bytes = 0;
                for (StoredFile file : expired(files, keep.get(), started)) {
                    if (store.delete(tenant, category, file.name())) {
                        count++;
                        bytes += file.size();
                    }
                }
                if (count > 0) {
                    LOG.infof("retention removed %d files (%d bytes) of tenant %s, category %s, older than %s", count, bytes, tenant,
                            category.segment(), keep.get());
                    removed.add(new RetentionReport.Removed(tenant.value(), category.segment(), count, bytes));
                }
            }
        }
        return new RetentionReport(node, started, clock.instant(), removed, staleTemp);
    }

    private List<TenantKey> tenants() throws IOException {
        List<TenantKey> tenants = new ArrayList<>();
        if (!Files.isDirectory(store.root())) {
            return tenants;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(store.root(), Files::isDirectory)) {
            for (Path entry : entries) {
                try {
                    tenants.add(new TenantKey(entry.getFileName().toString()));
                } catch (IllegalArgumentException notATenant) {
                    // The service's own folders (.verbund) and anything else that is no tenant key.
                }
            }
        }
        tenants.sort(java.util.Comparator.comparing(TenantKey::value));
        return tenants;
    }

    private static int removeStaleTemporaryFiles(Path folder, Instant now) throws IOException {
        int removed = 0;
        for (Path dir : new Path[] {folder, folder.resolve(".meta")}) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, entry -> AtomicWrite.isTemporary(entry.getFileName().toString()))) {
                for (Path entry : entries) {
                    if (Files.getLastModifiedTime(entry).toInstant().isBefore(now.minus(STALE_TEMP)) && Files.deleteIfExists(entry)) {
                        removed++;
                    }
                }
            }
        }
        return removed;
    }
}
