package io.verbund.acd.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The short, stable name of a tenant ({@code demo}, {@code acme}): part of login names
 * ({@code admin@demo}), storage paths and log lines, so it is restricted to a safe alphabet.
 */
public record TenantKey(String value) {

    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public TenantKey {
        Objects.requireNonNull(value, "tenant key");
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "tenant key must be 2-40 characters a-z, 0-9 or '-', starting with a letter: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
