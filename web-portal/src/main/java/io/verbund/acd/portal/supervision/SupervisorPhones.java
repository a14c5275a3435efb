package io.verbund.acd.portal.supervision;

import io.verbund.acd.portal.softphone.SipAccount;
import io.verbund.acd.runtime.datasource.DatasourceRole;
import io.verbund.acd.runtime.datasource.Datasources;
import io.verbund.acd.runtime.problem.DatabaseUnavailable;
import io.verbund.acd.runtime.security.TenantId;
import io.verbund.acd.runtime.security.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The supervisors' phones ({@code supervisor_phone}) and the tenant's supervision notice ({@code tenant.supervision_notice}). */
@ApplicationScoped
public class SupervisorPhones {

    private final Datasources datasources;

    @Inject
    public SupervisorPhones(Datasources datasources) {
        this.datasources = datasources;
    }

    /** For CDI's proxy only. */
    protected SupervisorPhones() {
        this.datasources = null;
    }

    /** The SIP user name of the supervisor's phone, which the node calls into the call. */
    public Optional<String> phoneOf(TenantId tenant, UserId supervisor) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT sip_username FROM supervisor_phone WHERE tenant_id = ? AND user_id = ?")) {
            query.setLong(1, tenant.value());
            query.setLong(2, supervisor.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the supervisor's phone", e);
        }
    }

    /** The supervisor's phone account with the user's name, for its own browser softphone. */
    public Optional<SipAccount> accountOf(TenantId tenant, UserId supervisor) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT p.sip_username, p.sip_realm, p.sip_ha1, u.display_name FROM supervisor_phone p"
                     + " JOIN app_user u ON u.tenant_id = p.tenant_id AND u.id = p.user_id WHERE p.tenant_id = ? AND p.user_id = ?")) {
            query.setLong(1, tenant.value());
            query.setLong(2, supervisor.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new SipAccount(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("looking up the supervisor's phone account", e);
        }
    }

    public boolean notice(TenantId tenant) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement query = db.prepareStatement("SELECT supervision_notice FROM tenant WHERE id = ?")) {
            query.setLong(1, tenant.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailable("reading the tenant's supervision notice", e);
        }
    }

    public void setNotice(TenantId tenant, boolean notice) {
        try (Connection db = datasources.forRole(DatasourceRole.MASTER).getConnection();
             PreparedStatement update = db.prepareStatement("UPDATE tenant SET supervision_notice = ? WHERE id = ?")) {
            update.setBoolean(1, notice);
            update.setLong(2, tenant.value());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseUnavailable("changing the tenant's supervision notice", e);
        }
    }
}
