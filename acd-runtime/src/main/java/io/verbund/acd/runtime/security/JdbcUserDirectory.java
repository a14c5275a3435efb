package io.verbund.acd.runtime.security;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.user.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** Portal users from {@code app_user}, {@code user_role} and the agent they work as, on the master. */
@ApplicationScoped
public class JdbcUserDirectory implements UserDirectory {

    private static final Logger LOG = Logger.getLogger(JdbcUserDirectory.class.getName());

    private static final String USER = "SELECT u.id, u.login, u.password_hash, u.enabled AND t.enabled,"
            + " t.id, t.tenant_key,"
            + " (SELECT a.extension FROM agent a WHERE a.user_id = u.id AND a.enabled)"
            + " FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.login = ?";
    private static final String ROLES = "SELECT role FROM user_role WHERE user_id = ?";

    private final Datasources datasources;

    @Inject
    public JdbcUserDirectory(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected JdbcUserDirectory() {
        this.datasources = null;
    }

    @Override
    public Optional<StoredUser> find(String login) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(USER)) {
            query.setString(1, login);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UserId user = new UserId(row.getLong(1));
                String storedLogin = row.getString(2);
                Optional<PasswordHash> hash = readHash(storedLogin, row.getString(3));
                boolean enabled = row.getBoolean(4);
                TenantId tenantId = new TenantId(row.getLong(5));
                TenantKey tenant = new TenantKey(row.getString(6));
                Optional<AgentKey> agent = Optional.ofNullable(row.getString(7)).map(extension -> new AgentKey(tenant, extension));
                Caller caller = new Caller(user, storedLogin, tenant, tenantId, roles(db, user), agent);
                return Optional.of(new StoredUser(caller, hash, enabled));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("checking the credentials", e);
        }
    }

    /** The user's roles as they are now; API tokens are capped by their creator's (JdbcTokenDirectory). */
    static Set<Role> roles(Connection db, UserId user) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement query = db.prepareStatement(ROLES)) {
            query.setLong(1, user.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    roles.add(Role.valueOf(rows.getString(1)));
                }
            }
        }
        return roles;
    }

    private static Optional<PasswordHash> readHash(String login, String encoded) {
        try {
            return Optional.of(PasswordHash.parse(encoded));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "user " + login + " has an unreadable password hash and cannot log in");
            return Optional.empty();
        }
    }
}
