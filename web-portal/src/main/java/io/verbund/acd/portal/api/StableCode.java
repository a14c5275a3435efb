package io.verbund.acd.portal.api;

import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.tenant.TenantKey;

/**
 * The {@code code} of a pause reason or disposition: the key agent events and call records store,
 * so reports keep meaning the same thing. It follows the schema's CHECK (upper case, digits and
 * underscores, at most {@value #MAX_LENGTH}) and never changes once created; the label is what
 * people read, and that may change.
 */
public final class StableCode {

    /** The schema's {@code ck_*_code}. */
    public static final String PATTERN = "^[A-Z][A-Z0-9_]*$";
    public static final String RULE = "{verbund.code}";
    public static final int MAX_LENGTH = 32;

    private StableCode() {
    }

    /**
     * @param kind for the message, e.g. "pause reason"
     * @throws InvalidFields naming {@code code} when the body names another code than the stored one
     */
    public static void requireUnchanged(String stored, String requested, String kind, TenantKey tenant) {
        if (!stored.equals(requested)) {
            throw InvalidFields.of("code", "cannot be changed from " + stored + ": reports keep the code of the " + kind
                    + ". Create a new " + kind + " and disable this one instead", tenant);
        }
    }
}
