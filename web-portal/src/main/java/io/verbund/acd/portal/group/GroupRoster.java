package io.verbund.acd.portal.group;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.runtime.config.ConfigurationChanges;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.security.UserId;
import io.verbund.acd.tenant.TenantKey;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's ACD groups with their members and service-level goals, as the live views need them
 * many times a second: read once, kept until a configuration change is announced on any node.
 */
@ApplicationScoped
public class GroupRoster {

    /** A group as the live views see it. */
    public record Group(long id, TenantKey tenant, String name, String strategy, int serviceLevelSeconds,
                        int serviceLevelTargetPercent, int shortAbandonSeconds, List<String> members) {
    }

    private static final String GROUPS = "SELECT g.id, g.name, g.strategy, g.service_level_seconds, g.service_level_target_percent,"
            + " g.short_abandon_seconds, a.extension FROM acd_group g JOIN tenant t ON t.id = g.tenant_id"
            + " LEFT JOIN group_membership m ON m.group_id = g.id LEFT JOIN agent a ON a.id = m.agent_id"
            + " WHERE t.tenant_key = ? ORDER BY g.name, a.extension";
    private static final String SUPERVISED = "SELECT group_id FROM supervisor_group WHERE user_id = ?";

    private final Datasources datasources;
    private final ConfigurationChanges changes;
    private final Map<TenantKey, TenantGroups> byTenant = new ConcurrentHashMap<>();
    private final Runnable forget = byTenant::clear;

    @Inject
    public GroupRoster(Datasources datasources, ConfigurationChanges changes) {
        this.datasources = datasources;
        this.changes = changes;
    }

    /** For CDI's proxy only. */
    protected GroupRoster() {
        this.datasources = null;
        this.changes = null;
    }

    @PostConstruct
    void watch() {
        changes.watch(forget);
    }

    @PreDestroy
    void stop() {
        changes.stopWatching(forget);
    }

    public List<Group> groupsOf(TenantKey tenant) {
        return byTenant.computeIfAbsent(tenant, this::load).groups();
    }

    /**
     * The groups the agent is a member of. Indexed: every agent state change asks, and a group of a
     * thousand members would otherwise be searched through for each.
     */
    public List<Group> groupsWithMember(AgentKey agent) {
        return byTenant.computeIfAbsent(agent.tenant(), this::load).byMember().getOrDefault(agent.extension(), List.of());
    }

    public Optional<Group> group(TenantKey tenant, long id) {
        return groupsOf(tenant).stream().filter(group -> group.id() == id).findFirst();
    }

    /** The groups a supervisor is narrowed to; empty when it supervises all of its tenant's groups. */
    public Set<Long> supervisedBy(UserId user) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(SUPERVISED)) {
            query.setLong(1, user.value());
            Set<Long> groups = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.add(rows.getLong(1));
                }
            }
            return groups;
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading which groups a supervisor watches", e);
        }
    }

    /** A tenant's groups, and for each member extension the groups it is in. */
    private record TenantGroups(List<Group> groups, Map<String, List<Group>> byMember) {

        static TenantGroups of(List<Group> groups) {
            Map<String, List<Group>> byMember = new HashMap<>();
            for (Group group : groups) {
                for (String extension : group.members()) {
                    byMember.computeIfAbsent(extension, any -> new ArrayList<>()).add(group);
                }
            }
            byMember.replaceAll((extension, of) -> List.copyOf(of));
            return new TenantGroups(groups, Map.copyOf(byMember));
        }
    }

    private TenantGroups load(TenantKey tenant) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(GROUPS)) {
            query.setString(1, tenant.value());
            Map<Long, Group> groups = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (!groups.containsKey(id)) {
                        groups.put(id, new Group(id, tenant, rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5),
                                rows.getInt(6), new ArrayList<>()));
                    }
                    Group group = groups.get(id);
                    String extension = rows.getString(7);
                    if (extension != null) {
                        group.members().add(extension);
                    }
                }
            }
            return TenantGroups.of(groups.values().stream().map(group -> new Group(group.id(), tenant, group.name(), group.strategy(),
                    group.serviceLevelSeconds(), group.serviceLevelTargetPercent(), group.shortAbandonSeconds(),
                    List.copyOf(group.members()))).toList());
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the tenant's ACD groups", e);
        }
    }
}
