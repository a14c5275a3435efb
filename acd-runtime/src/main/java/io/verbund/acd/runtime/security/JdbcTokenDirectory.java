package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.tenant.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * API tokens from {@code api_token}, with their tenant and creator, on the master. A token acts with
 * its creator's roles as they are now, capped at {@link StoredToken#ROLE}: a demoted creator's tokens
 * lose the power with them, a disabled creator's tokens stop working.
 */
@ApplicationScoped
public class JdbcTokenDirectory implements TokenDirectory {

    private static final Logger LOG = Logger.getLogger(JdbcTokenDirectory.class.getName());

    private static final String TOKEN = "SELECT k.id, k.name, k.scopes, k.expires_at,"
            + " k.revoked_at IS NULL AND t.enabled AND u.enabled, u.id, t.id, t.tenant_key"
            + " FROM api_token k JOIN tenant t ON t.id = k.tenant_id JOIN app_user u ON u.id = k.created_by"
            + " WHERE k.token_hash = ?";
    private static final String TOUCH = "UPDATE api_token SET last_used_at = CURRENT_TIMESTAMP(3) WHERE id = ?"
            + " AND (last_used_at IS NULL OR last_used_at < CURRENT_TIMESTAMP(3) - INTERVAL 1 MINUTE)";

    private final Datasources datasources;

    @Inject
    public JdbcTokenDirectory(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected JdbcTokenDirectory() {
        this.datasources = null;
    }

    @Override
    public Optional<StoredToken> findByHash(String sha256Hex) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement(TOKEN)) {
            query.setString(1, sha256Hex);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String name = row.getString(2);
                Set<ApiScope> scopes;
                try {
                    scopes = ApiScope.parse(row.getString(3));
                } catch (IllegalArgumentException e) {
                    LOG.warning(() -> "API token " + name + " has unreadable scopes and cannot be used");
                    scopes = EnumSet.noneOf(ApiScope.class);
                }
                LocalDateTime expires = row.getObject(4, LocalDateTime.class);
                UserId creator = new UserId(row.getLong(6));
                Set<Role> roles = StoredToken.rolesCappedBy(JdbcUserDirectory.roles(db, creator));
                Caller caller = new Caller(creator, "token:" + name, new TenantKey(row.getString(8)),
                        new TenantId(row.getLong(7)), roles, Optional.empty());
                return Optional.of(new StoredToken(row.getLong(1), caller, scopes,
                        Optional.ofNullable(expires).map(utc -> utc.toInstant(ZoneOffset.UTC)), row.getBoolean(5) && !roles.isEmpty()));
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("checking the API token", e);
        }
    }

    @Override
    public void touched(long tokenId) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement update = db.prepareStatement(TOUCH)) {
            update.setLong(1, tokenId);
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.fine(() -> "could not record the use of API token " + tokenId + ": " + e.getMessage());
        }
    }
}
