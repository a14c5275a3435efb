package io.verbund.acd.portal.report;

import io.verbund.acd.portal.api.PortalWords;
import io.verbund.acd.portal.api.AddressedTenant;
import io.verbund.acd.portal.api.ConfigAccess;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one caller may see and do of the addressed tenant's statistics:
 * <ul>
 * <li>a tenant admin (and a system admin or reseller in the tenant it names) every group, and may
 * change the KPI definition and start recalculations;</li>
 * <li>a supervisor in its own tenant the groups of its {@code supervisor_group} rows, or every
 * group when it has none (as everywhere else in the portal); a report it asks for without groups
 * is narrowed to its own, and a group outside them is refused;</li>
 * <li>anyone else nothing.</li>
 * </ul>
 */
public final class ReportAccess {

    private final Caller caller;
    private final AddressedTenant tenant;
    private final Function<UserId, Set<Long>> supervisedGroups;

    /** @param supervisedGroups a supervisor's groups, empty when it supervises all ({@code GroupRoster::supervisedBy}) */
    public ReportAccess(Caller caller, AddressedTenant tenant, Function<UserId, Set<Long>> supervisedGroups) {
        this.caller = caller;
        this.tenant = tenant;
        this.supervisedGroups = supervisedGroups;
    }

    public Caller caller() {
        return caller;
    }

    /** The tenant the request addresses. */
    public AddressedTenant tenant() {
        return tenant;
    }

    public boolean isAdmin() {
        return ConfigAccess.isAdmin(caller, tenant);
    }

    private boolean isSupervisor() {
        return tenant.callersOwn() && caller.has(Role.SUPERVISOR);
    }

    /** @throws NotPermitted unless the caller may read the tenant's statistics at all */
    public void requireViewer() {
        if (!isAdmin() && !isSupervisor()) {
            throw new NotPermitted(PortalWords.text("denied.statistics", caller.login(), tenant.key()), tenant.key());
        }
    }

    /** @throws NotPermitted unless the caller may change how the tenant's figures are made */
    public void requireAdmin(String what) {
        if (!isAdmin()) {
            throw new NotPermitted(PortalWords.text("denied.statistics-admin", caller.login(), what), tenant.key());
        }
    }

    /**
     * The {@code group} parameters to ask stats-service for: those requested, or for a supervisor
     * narrowed to some groups, its groups when none were requested.
     *
     * @param requested the client's {@code group} parameters, in order; empty for every group it may see
     * @throws NotPermitted when the caller may see no statistics, or a requested group is not the supervisor's
     */
    public List<String> groupsToAsk(List<String> requested) {
        requireViewer();
        List<String> asked = requested.stream().map(String::strip).filter(group -> !group.isEmpty()).toList();
        if (isAdmin()) {
            return asked;
        }
        Set<Long> own = supervisedGroups.apply(caller.user());
        if (own.isEmpty()) {
            return asked;
        }
        if (asked.isEmpty()) {
            return own.stream().sorted().map(String::valueOf).toList();
        }
        for (String group : asked) {
            if (idOf(group).filter(own::contains).isEmpty()) {
                throw new NotPermitted(PortalWords.text("denied.group-not-supervised", caller.login(), String.valueOf(group)), tenant.key());
            }
        }
        return asked;
    }

    private static Optional<Long> idOf(String group) {
        try {
            return Optional.of(Long.valueOf(group));
        } catch (NumberFormatException notAnId) {
            return Optional.empty();
        }
    }
}
