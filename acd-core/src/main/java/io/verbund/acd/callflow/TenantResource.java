package io.verbund.acd.callflow;

/** The kinds of tenant configuration a node parameter names, each with the words an admin knows it by. */
public enum TenantResource {

    PROMPT("prompt", "a prompt") {
        @Override
        boolean existsIn(CallFlowReferences tenant, String name) {
            return tenant.hasPrompt(name);
        }
    },
    GROUP("ACD group", "an ACD group") {
        @Override
        boolean existsIn(CallFlowReferences tenant, String name) {
            return tenant.hasGroup(name);
        }
    },
    OPENING_HOURS("opening hours", "opening hours") {
        @Override
        boolean existsIn(CallFlowReferences tenant, String name) {
            return tenant.hasOpeningHours(name);
        }
    };

    private final String words;
    private final String oneOf;

    TenantResource(String words, String oneOf) {
        this.words = words;
        this.oneOf = oneOf;
    }

    /** How a message names this kind, e.g. "ACD group". */
    public String words() {
        return words;
    }

    /** One of this kind, e.g. "an ACD group". */
    public String oneOf() {
        return oneOf;
    }

    abstract boolean existsIn(CallFlowReferences tenant, String name);
}
