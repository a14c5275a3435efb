package io.verbund.acd.portal.event;

import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import java.util.Optional;
import java.util.Set;

/**
 * What one subscriber may see of its tenant's events, decided when it subscribes.
 *
 * @param staff            an admin or supervisor
 * @param visibleGroups    the groups a supervisor watches; empty Optional: all
 * @param visibleAgents    the extensions a supervisor watches; empty Optional: all
 * @param ownExtension     the agent the caller works as
 * @param memberOf         the groups that agent belongs to
 */
public record Viewer(Caller caller, boolean staff, Optional<Set<Long>> visibleGroups, Optional<Set<String>> visibleAgents,
                     Optional<String> ownExtension, Set<Long> memberOf) {

    public static boolean isStaff(Caller caller) {
        return caller.has(Role.SYSTEM_ADMIN) || caller.has(Role.TENANT_ADMIN) || caller.has(Role.SUPERVISOR) || caller.has(Role.RESELLER);
    }

    public boolean sees(PortalEvent event) {
        Audience audience = event.audience();
        if (staff) {
            if (audience.extension() != null) {
                return visibleAgents.map(agents -> agents.contains(audience.extension())).orElse(true);
            }
            if (audience.groupId() != 0) {
                return visibleGroups.map(groups -> groups.contains(audience.groupId())).orElse(true);
            }
            return true;
        }
        if (audience.staffOnly()) {
            return false;
        }
        if (audience.extension() != null) {
            return ownExtension.filter(audience.extension()::equals).isPresent();
        }
        return audience.groupId() != 0 && memberOf.contains(audience.groupId());
    }
}
