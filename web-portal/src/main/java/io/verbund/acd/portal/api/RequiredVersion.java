package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.tenant.TenantKey;

/**
 * The {@code version} a replacing body names. It is required: a PUT without it would overwrite
 * whatever another admin changed in between, which is what {@link EntityVersion} exists to prevent.
 */
public final class RequiredVersion {

    private RequiredVersion() {
    }

    /** @throws InvalidFields naming {@code version} when the body has none */
    public static int of(Integer version, TenantKey tenant) {
        if (version == null) {
            throw InvalidFields.of("version", PortalWords.text("common.version-needed"), tenant);
        }
        return version;
    }
}
