package io.verbund.acd.storage;

import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.storage.quota.ByteSize;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The storage service's configuration, read through MicroProfile Config: system properties
 * ({@code -Dverbund.storage.root=…}) and environment ({@code VERBUND_STORAGE_ROOT}) win over the
 * documented defaults in {@code META-INF/microprofile-config.properties}. Per-tenant settings are
 * looked up by key when needed, so a tenant added later needs no restart of this class.
 */
@ApplicationScoped
public class StorageSettings {

    private static final String PREFIX = "verbund.storage.";

    private final Config config;

    @Inject
    public StorageSettings(Config config) {
        this.config = config;
    }

    /** For CDI's proxy only. */
    protected StorageSettings() {
        this.config = null;
    }

    public Path root() {
        return Path.of(config.getValue(PREFIX + "root", String.class));
    }

    /** {@code verbund.storage.quota.<tenant>}, else {@code verbund.storage.quota.default}. */
    public long quotaBytes(TenantKey tenant) {
        return size("quota." + tenant.value()).orElseGet(() -> size("quota.default").orElseThrow());
    }

    /** {@code verbund.storage.max-size.<category>}: the largest single file. */
    public long maxFileBytes(FileCategory category) {
        return size("max-size." + category.segment()).orElseGet(() -> size("max-size.default").orElseThrow());
    }

    /**
     * How long files of a tenant's category are kept after they were created:
     * {@code verbund.storage.retention.<tenant>.<category>}, else
     * {@code verbund.storage.retention.<category>}; {@code none} (or unset) keeps them forever.
     */
    public Optional<Duration> retention(TenantKey tenant, FileCategory category) {
        Optional<String> text = config.getOptionalValue(PREFIX + "retention." + tenant.value() + "." + category.segment(), String.class)
                .or(() -> config.getOptionalValue(PREFIX + "retention." + category.segment(), String.class));
        return text.flatMap(StorageSettings::duration);
    }

    /** How often the retention sweep runs cluster-wide. */
    public Duration retentionInterval() {
        return duration(config.getValue(PREFIX + "retention.interval", String.class)).orElse(Duration.ofHours(1));
    }

    /** The most bytes one append of a streaming upload may carry. */
    public long maxAppendBytes() {
        return size("append.max-size").orElseThrow();
    }

    /** The longest prompt accepted. */
    public Duration maxPromptLength() {
        return duration(config.getValue(PREFIX + "prompts.max-length", String.class)).orElse(Duration.ofMinutes(10));
    }

    private Optional<Long> size(String key) {
        return config.getOptionalValue(PREFIX + key, String.class).map(ByteSize::parse);
    }

    /** ISO-8601 ({@code P90D}, {@code PT1H}) or {@code none}/{@code forever}: empty. */
    static Optional<Duration> duration(String text) {
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("NONE") || value.equals("FOREVER")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is no duration; write e.g. P90D, PT12H or none", e);
        }
    }
}
