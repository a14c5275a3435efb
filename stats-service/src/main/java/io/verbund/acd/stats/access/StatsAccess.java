package io.verbund.acd.stats.access;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.problem.InvalidFields;
import io.verbund.acd.runtime.problem.NotPermitted;
import io.verbund.acd.runtime.security.Caller;
import io.verbund.acd.runtime.security.CallerContext;
import io.verbund.acd.runtime.security.Role;
import io.verbund.acd.runtime.security.UnknownTenant;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read and change which tenant's statistics, decided from the authenticated caller: the
 * web portal (service credentials) for any tenant, passing the groups it limited a supervisor to;
 * a system administrator for any tenant; a tenant's administrators for their tenant; its
 * supervisors for their tenant and their groups ({@code supervisor_group}; none there: every
 * group). Another tenant's name answers like one that does not exist. Agents see no reports.
 */
@RequestScoped
public class StatsAccess {

    private final CallerContext callers;
    private final Datasources datasources;

    @Inject
    public StatsAccess(CallerContext callers, Datasources datasources) {
        this.callers = callers;
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected StatsAccess() {
        this.callers = null;
        this.datasources = null;
    }

    /** Reading reports: the groups asked for, if the caller may see them all. */
    public ReportScope toRead(String named, List<Long> groupsAsked, String actorNamedByService) {
        return toRead(named, groupsAsked, actorNamedByService, DatasourceRole.MASTER);
    }

    /**
     * As {@link #toRead(String, List, String)}, with the tenant and a supervisor's groups looked up
     * on {@code lookUpOn}: real time reads nothing from the master, not even who may read it.
     */
    public ReportScope toRead(String named, List<Long> groupsAsked, String actorNamedByService, DatasourceRole lookUpOn) {
        StatsTenant tenant = tenant(named, lookUpOn);
        Optional<Set<Long>> asked = groupsAsked.isEmpty() ? Optional.empty() : Optional.of(new HashSet<>(groupsAsked));
        asked.ifPresent(groups -> requireGroupsOf(tenant, groups, lookUpOn));
        if (callers.isService()) {
            return new ReportScope(tenant, asked, actorNamedByService == null ? "web-portal" : actorNamedByService);
        }
        Caller caller = callers.caller();
        if (caller.has(Role.SYSTEM_ADMIN) || caller.has(Role.TENANT_ADMIN)) {
            return new ReportScope(tenant, asked, caller.login());
        }
        Optional<Set<Long>> supervised = supervisedGroups(caller, lookUpOn);
        if (supervised.isEmpty()) {
            return new ReportScope(tenant, asked, caller.login());
        }
        if (asked.isEmpty()) {
            return new ReportScope(tenant, supervised, caller.login());
        }
        for (long group : asked.get()) {
            if (!supervised.get().contains(group)) {
                throw new NotPermitted("Group " + group + " is not one of the groups you supervise", tenant.key());
            }
        }
        return new ReportScope(tenant, asked, caller.login());
    }

    /** Changing the tenant's KPI definition or recalculating: its administrators. */
    public ReportScope toAdminister(String named, String actorNamedByService) {
        StatsTenant tenant = tenant(named, DatasourceRole.MASTER);
        if (callers.isService()) {
            if (actorNamedByService == null || actorNamedByService.isBlank()) {
                throw InvalidFields.of("createdBy", "the service must name the user it acts for", tenant.key());
            }
            return new ReportScope(tenant, Optional.empty(), actorNamedByService);
        }
        Caller caller = callers.caller();
        if (!caller.has(Role.SYSTEM_ADMIN) && !caller.has(Role.TENANT_ADMIN)) {
            throw new NotPermitted("Only the tenant's administrators may change how its statistics are computed", tenant.key());
        }
        return new ReportScope(tenant, Optional.empty(), caller.login());
    }

    private StatsTenant tenant(String named, DatasourceRole lookUpOn) {
        TenantKey key;
        try {
            key = new TenantKey(named);
        } catch (IllegalArgumentException e) {
            throw new UnknownTenant(named);
        }
        if (!callers.isService()) {
            Caller caller = callers.caller();
            if (!caller.has(Role.SYSTEM_ADMIN) && !caller.tenant().equals(key)) {
                throw new UnknownTenant(named);
            }
            if (!caller.has(Role.SYSTEM_ADMIN) && !caller.has(Role.TENANT_ADMIN) && !caller.has(Role.SUPERVISOR)) {
                throw new NotPermitted("Statistics are for the tenant's administrators and supervisors", key);
            }
        }
        try (Connection db = datasources.forRole(lookUpOn).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT id, time_zone FROM tenant WHERE tenant_key = ?")) {
            query.setString(1, key.value());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new UnknownTenant(named);
                }
                return new StatsTenant(row.getLong(1), key, zone(row.getString(2)));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the tenant", e);
        }
    }

    /** Every group asked for is one of the tenant's; else the parameter's error, naming the first that is not. */
    private void requireGroupsOf(StatsTenant tenant, Set<Long> groups, DatasourceRole lookUpOn) {
        Set<Long> missing = new java.util.TreeSet<>(groups);
        try (Connection db = datasources.forRole(lookUpOn).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT id FROM acd_group WHERE tenant_id = ? AND id IN ("
                     + String.join(",", java.util.Collections.nCopies(groups.size(), "?")) + ")")) {
            query.setLong(1, tenant.id());
            int i = 2;
            for (long group : groups) {
                query.setLong(i++, group);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    missing.remove(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the groups asked for", e);
        }
        if (!missing.isEmpty()) {
            throw InvalidFields.of("group", "the tenant has no group " + missing.iterator().next(), tenant.key());
        }
    }

    /** A supervisor's groups; empty when it has no rows, which means every group. */
    private Optional<Set<Long>> supervisedGroups(Caller caller, DatasourceRole lookUpOn) {
        try (Connection db = datasources.forRole(lookUpOn).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT group_id FROM supervisor_group WHERE tenant_id = ? AND user_id = ?")) {
            query.setLong(1, caller.tenantId().value());
            query.setLong(2, caller.user().value());
            Set<Long> groups = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.add(rows.getLong(1));
                }
            }
            return groups.isEmpty() ? Optional.empty() : Optional.of(groups);
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the supervisor's groups", e);
        }
    }

    private static ZoneId zone(String stored) {
        try {
            return ZoneId.of(stored);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
