package io.verbund.acd.agent;

import io.verbund.acd.tenant.TenantKey;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An agent across the cluster: its tenant and extension, as {@code demo/1001} in the shared cache.
 * A class rather than a record so the cache key is built (and its hash computed) once: the
 * distributor looks up every member of a group on each pass.
 */
public final class AgentKey {

    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z._-]{1,32}");

    private final TenantKey tenant;
    private final String extension;
    private final String text;

    public AgentKey(TenantKey tenant, String extension) {
        Objects.requireNonNull(tenant, "tenant");
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("extension must be 1-32 characters of 0-9 A-Z a-z . _ -: " + extension);
        }
        this.tenant = tenant;
        this.extension = extension;
        this.text = tenant + "/" + extension;
    }

    public static AgentKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not an agent key: " + text);
        }
        return new AgentKey(new TenantKey(text.substring(0, slash)), text.substring(slash + 1));
    }

    public TenantKey tenant() {
        return tenant;
    }

    public String extension() {
        return extension;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentKey key && key.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
