package io.verbund.acd.storage.http;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.security.UserId;
import io.verbund.acd.runtime.storage.FileCategory;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which recordings and voicemails a supervisor limited to groups may reach: those a call record of
 * one of its groups names (the portal's {@code /calls} scope, applied to the files themselves).
 * Read fresh: a supervisor taken off a group a moment ago must lose its recordings at once.
 */
@ApplicationScoped
public class SupervisedMedia {

    private static final String GROUPS = "SELECT group_id FROM supervisor_group WHERE user_id = ?";

    private final Datasources datasources;

    @Inject
    public SupervisedMedia(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected SupervisedMedia() {
        this.datasources = null;
    }

    /** The groups the user supervises; empty for a supervisor of the whole tenant. */
    public Set<Long> groupsOf(UserId user) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(GROUPS)) {
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

    /** The names of the category's files that calls of these groups name, starting with {@code prefix}. */
    public Set<String> names(TenantKey tenant, FileCategory category, Set<Long> groups, String prefix) {
        String column = column(category);
        String sql = "SELECT r." + column + " FROM call_record r JOIN tenant t ON t.id = r.tenant_id WHERE t.tenant_key = ?"
                + " AND r." + column + " LIKE ? ESCAPE '\\\\' AND r.group_id IN (" + placeholders(groups) + ")";
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, tenant.value());
            query.setString(2, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            int index = 3;
            for (long group : groups) {
                query.setLong(index++, group);
            }
            Set<String> names = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading which recordings a supervisor may reach", e);
        }
    }

    /** Whether a call of these groups names this file. */
    public boolean covers(TenantKey tenant, FileCategory category, Set<Long> groups, String name) {
        String column = column(category);
        String sql = "SELECT 1 FROM call_record r JOIN tenant t ON t.id = r.tenant_id WHERE t.tenant_key = ? AND r." + column + " = ?"
                + " AND r.group_id IN (" + placeholders(groups) + ") LIMIT 1";
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, tenant.value());
            query.setString(2, name);
            int index = 3;
            for (long group : groups) {
                query.setLong(index++, group);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading which recordings a supervisor may reach", e);
        }
    }

    /** Whether files of this category belong to calls (and so to the calls' groups). */
    public static boolean ofCalls(FileCategory category) {
        return category == FileCategory.RECORDINGS || category == FileCategory.VOICEMAIL;
    }

    private static String column(FileCategory category) {
        return switch (category) {
            case RECORDINGS -> "recording_file";
            case VOICEMAIL -> "voicemail_file";
            default -> throw new IllegalArgumentException(category + " files belong to no call");
        };
    }

    private static String placeholders(Set<Long> groups) {
        return groups.stream().map(group -> "?").collect(Collectors.joining(","));
    }
}
