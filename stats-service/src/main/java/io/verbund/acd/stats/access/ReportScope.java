package io.verbund.acd.stats.access;

import java.util.Optional;
import java.util.Set;

/**
 * What a caller may see of a tenant's statistics.
 *
 * @param groups the ACD groups it is limited to; empty: all of the tenant's
 * @param actor  who acts, for the audit and {@code created_by}: the user's login, or the name the
 *               calling service gave
 */
public record ReportScope(StatsTenant tenant, Optional<Set<Long>> groups, String actor) {

    public ReportScope {
        groups = groups.map(Set::copyOf);
    }
}
