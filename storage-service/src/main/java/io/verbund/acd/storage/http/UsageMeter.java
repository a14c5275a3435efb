package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.storage.StorageSettings;
import io.verbund.acd.storage.file.FileStore;
import io.verbund.acd.storage.quota.Quota;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each tenant keeps, for quota checks. Counting means listing the tenant's folders, too
 * slow for every append of a running recording: a count is reused for {@link #RECOUNT_AFTER},
 * plus what this node has added since. Other nodes' writes show after the next count, so a
 * tenant may overshoot by what the cluster writes in that time.
 */
@ApplicationScoped
public class UsageMeter {

    static final Duration RECOUNT_AFTER = Duration.ofSeconds(10);

    private record Count(Instant at, long bytes) {
    }

    private final FileStore store;
    private final StorageSettings settings;
    private final Clock clock;
    private final Map<TenantKey, Count> counts = new ConcurrentHashMap<>();

    @Inject
    public UsageMeter(FileStore store, StorageSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected UsageMeter() {
        this.store = null;
        this.settings = null;
        this.clock = null;
    }

    /** A fresh count, for whole-file uploads and the usage endpoint. */
    public Quota exact(TenantKey tenant) {
        long bytes = byCategory(tenant).values().stream().mapToLong(Long::longValue).sum();
        counts.put(tenant, new Count(clock.instant(), bytes));
        return new Quota(tenant, settings.quotaBytes(tenant), bytes);
    }

    /** A recent count plus this node's additions since, for appends. */
    public Quota recent(TenantKey tenant) {
        Count count = counts.get(tenant);
        if (count == null || count.at().plus(RECOUNT_AFTER).isBefore(clock.instant())) {
            return exact(tenant);
        }
        return new Quota(tenant, settings.quotaBytes(tenant), count.bytes());
    }

    /** This node wrote (or freed, negative) bytes of the tenant's. */
    public void added(TenantKey tenant, long bytes) {
        counts.computeIfPresent(tenant, (key, count) -> new Count(count.at(), count.bytes() + bytes));
    }

    public Map<FileCategory, Long> byCategory(TenantKey tenant) {
        try {
            return store.usage(tenant);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the files of tenant " + tenant, e);
        }
    }
}
