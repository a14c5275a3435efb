package io.verbund.acd.telephony.call;

import io.verbund.acd.runtime.cache.TimedCache;
import io.verbund.acd.runtime.config.ConfigurationChanges;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.runtime.storage.StorageClient;
import io.verbund.acd.telephony.media.Playable;
import io.verbund.acd.telephony.media.PromptAudio;
import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The prompts tenants uploaded to storage-service (category prompts, {@code <name>.wav}, already
 * µ-law there), decoded into frames once and kept a minute, so a busy queue does not fetch its
 * music on hold for every caller. A prompt that is not there is remembered as missing as long. A
 * prompt uploaded or removed through the portal is a configuration change, which empties the cache
 * on every node at once ({@link ConfigurationChanges}): the next caller hears the new one.
 */
@ApplicationScoped
public class TenantPrompts {

    private static final Logger LOG = Logger.getLogger(TenantPrompts.class.getName());

    private final StorageClient storage;
    private final ConfigurationChanges changes;
    private final TimedCache<String, Optional<Playable>> cache;
    private final Runnable forget;

    @Inject
    public TenantPrompts(StorageClient storage, ConfigurationChanges changes, Clock clock) {
        this.storage = storage;
        this.changes = changes;
        this.cache = new TimedCache<>(Duration.ofMinutes(1), 10_000, clock);
        this.forget = cache::clear;
    }

    protected TenantPrompts() {
        this(null, null, null);
    }

    @PostConstruct
    void watchChanges() {
        changes.watch(forget);
    }

    @PreDestroy
    void stopWatching() {
        changes.stopWatching(forget);
    }

    Optional<Playable> prompt(TenantKey tenant, String name) {
        return cache.get(tenant + "/" + name, key -> load(tenant, name));
    }

    private Optional<Playable> load(TenantKey tenant, String name) {
        try {
            return storage.download(tenant, FileCategory.PROMPTS, name + ".wav").map(PromptAudio::fromWav);
        } catch (RuntimeException e) {
            LOG.warning(() -> "prompt " + name + " of tenant " + tenant + " not loaded: " + e.getMessage());
            return Optional.empty();
        }
    }
}
