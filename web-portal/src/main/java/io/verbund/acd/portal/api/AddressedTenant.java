package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.security.TenantId;
import io.verbund.acd.tenant.TenantKey;

/** The tenant one request reads or changes: the caller's own, or one it may name with {@code ?tenant=}. */
public record AddressedTenant(TenantId id, TenantKey key, boolean callersOwn) {

    public long idValue() {
        return id.value();
    }
}
