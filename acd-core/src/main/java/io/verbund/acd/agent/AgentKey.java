package io.verbund.acd.agent;

import io.verbund.acd.tenant.TenantKey;
import java.util.Objects;
import java.util.regex.Pattern;

/** An agent across the cluster: its tenant and extension, as {@code demo/1001} in the shared cache. */
public record AgentKey(TenantKey tenant, String extension) {

    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z._-]{1,32}");

    public AgentKey {
        Objects.requireNonNull(tenant, "tenant");
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("extension must be 1-32 characters of 0-9 A-Z a-z . _ -: " + extension);
        }
    }

    public static AgentKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not an agent key: " + text);
        }
        return new AgentKey(new TenantKey(text.substring(0, slash)), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return tenant + "/" + extension;
    }
}
