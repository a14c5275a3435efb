package io.verbund.acd.runtime.security;

/** A tenant's database id, {@code tenant.id}; the stable name is its {@link io.verbund.acd.tenant.TenantKey}. */
public record TenantId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
