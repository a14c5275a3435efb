package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.runtime.problem.IfMatchFailed;
import io.verbund.acd.tenant.TenantKey;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking as clients see it: every configuration document carries its {@code version}
 * and is served with the ETag {@code "version"}. A change names the version it was made from, in
 * the body and optionally in {@code If-Match}; if the thing has moved on since, the change is
 * refused (409, or 412 for If-Match) instead of silently overwriting another admin's work.
 */
public final class EntityVersion {

    private EntityVersion() {
    }

    public static EntityTag tag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * @param what      the thing, for the message: {@code ACD group "Support"}
     * @param current   its version now
     * @param requested the version the body names
     * @param ifMatch   the If-Match header, if sent
     */
    public static void require(String what, int current, int requested, String ifMatch, TenantKey tenant) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, current)) {
            throw new IfMatchFailed(what + " is at version " + current + ", not " + ifMatch.strip()
                    + ": someone changed it since you read it. Reload and apply your change again", tenant);
        }
        if (requested != current) {
            throw new StaleVersion(what + " is at version " + current + ", but the change was made from version "
                    + requested + ": someone changed it since you read it. Reload and apply your change again", tenant);
        }
    }

    private static boolean matches(String ifMatch, int current) {
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + current + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** 409: the change was made from an older version. */
    public static final class StaleVersion extends Conflict {
        StaleVersion(String detail, TenantKey tenant) {
            super("stale-version", "Changed by someone else", detail, tenant, null);
        }
    }
}
