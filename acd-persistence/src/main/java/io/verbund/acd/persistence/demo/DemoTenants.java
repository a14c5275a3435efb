package io.verbund.acd.persistence.demo;

import io.verbund.acd.agent.SipCredentials;
import io.verbund.acd.user.PasswordHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the demo contract's tenants ({@code demo} "Demo GmbH" and {@code acme} "ACME AG") and the
 * {@code sysadmin} user into a migrated schema, once.
 *
 * <p>Invariant: either all of the demo data is there or none of it. The seed is one transaction,
 * and it runs under the MariaDB named lock {@value #LOCK_NAME}, so of several services starting
 * together exactly one writes it and the others find tenant {@code demo} and leave. Once tenant
 * {@code demo} exists nothing is written again, so changes made through the portal survive
 * restarts.
 *
 * <p>Call it after {@link io.verbund.acd.persistence.schema.SchemaMigration#migrate()}, outside a
 * JTA transaction: it commits on its own connection.
 */
public final class DemoTenants {

    /** The named lock ({@code GET_LOCK}) that serialises seeding across services and nodes. */
    public static final String LOCK_NAME = "verbund_demo_seed";
    /** How long a start waits for another node's seed to finish. */
    static final int LOCK_WAIT_SECONDS = 60;

    private static final Logger LOG = Logger.getLogger(DemoTenants.class.getName());

    private DemoTenants() {
    }

    /**
     * Seeds the demo data unless tenant {@code demo} already exists.
     *
     * @return true when this call wrote the data, false when it was already there
     * @throws DemoSeedFailed when the lock was not granted within {@value #LOCK_WAIT_SECONDS} s or
     *         writing failed (then nothing was written)
     */
    public static boolean seedIfAbsent(DataSource dataSource) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            acquireLock(connection);
            try {
                if (tenantExists(connection, DemoContract.DEMO.key())) {
                    LOG.fine("Demo tenants already present; nothing seeded");
                    return false;
                }
                // PBKDF2 at 600k iterations takes ~0.3 s a password: hash before the transaction.
                Map<String, String> passwordHashes = hashPasswords();
                DemoRows rows = writeInOneTransaction(connection, passwordHashes);
                LOG.info(() -> "Seeded demo tenants demo (Demo GmbH) and acme (ACME AG): " + rows
                        + " in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
                return true;
            } finally {
                releaseLock(connection);
            }
        } catch (SQLException e) {
            throw new DemoSeedFailed("could not seed the demo tenants: " + e.getMessage(), e);
        }
    }

    private static DemoRows writeInOneTransaction(Connection connection, Map<String, String> passwordHashes)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            DemoRows rows = new DemoRows(connection, passwordHashes);
            rows.writeSystemAdmin();
            for (DemoContract.Tenant tenant : DemoContract.TENANTS) {
                rows.writeTenant(tenant);
            }
            connection.commit();
            return rows;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void acquireLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, LOCK_NAME);
            lock.setInt(2, LOCK_WAIT_SECONDS);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                int granted = result.getInt(1);
                if (result.wasNull() || granted != 1) {
                    throw new DemoSeedFailed("lock " + LOCK_NAME + " not granted within "
                            + LOCK_WAIT_SECONDS + " s: another node is still seeding or hangs");
                }
            }
        }
    }

    private static void releaseLock(Connection connection) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, LOCK_NAME);
            release.executeQuery().close();
        }
    }

    private static boolean tenantExists(Connection connection, String tenantKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM tenant WHERE tenant_key = ?")) {
            query.setString(1, tenantKey);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static Map<String, String> hashPasswords() {
        Map<String, String> hashes = new HashMap<>();
        hashes.put(DemoContract.SYSTEM_ADMIN.login(), hash(DemoContract.SYSTEM_ADMIN));
        for (DemoContract.Tenant tenant : DemoContract.TENANTS) {
            for (DemoContract.User user : tenant.allUsers()) {
                hashes.put(user.login(), hash(user));
            }
        }
        return hashes;
    }

    private static String hash(DemoContract.User user) {
        return PasswordHash.of(user.password().toCharArray()).encoded();
    }

    /**
     * The inserts of one seed on one connection, counting what they wrote. Ids come back from
     * the database (auto_increment with per-master offsets), so every link is made by the id read
     * back, never by an assumed value.
     */
    private static final class DemoRows {

        private final Connection connection;
        private final Map<String, String> passwordHashes;
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        DemoRows(Connection connection, Map<String, String> passwordHashes) {
            this.connection = connection;
            this.passwordHashes = passwordHashes;
        }

        /**
         * Skipped when the login exists: a cluster first started without --demo has its own
         * {@code sysadmin} with a generated password, which a later --demo must not replace.
         */
        void writeSystemAdmin() throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM app_user WHERE login = ?")) {
                query.setString(1, DemoContract.SYSTEM_ADMIN.login());
                try (ResultSet exists = query.executeQuery()) {
                    if (exists.next()) {
                        return;
                    }
                }
            }
            long systemTenant = systemTenantId();
            writeUser(systemTenant, DemoContract.SYSTEM_ADMIN);
        }

        void writeTenant(DemoContract.Tenant tenant) throws SQLException {
            long tenantId = insert("tenant",
                    "INSERT INTO tenant (tenant_key, name, kind, time_zone, default_locale, transfer_numbers, outbound_caller_id)"
                            + " VALUES (?, ?, 'TENANT', ?, ?, ?, ?)",
                    tenant.key(), tenant.name(), DemoContract.TIME_ZONE, DemoContract.LOCALE, DemoContract.TRANSFER_NUMBERS,
                    // Outbound calls present the tenant's first service number, so a callback reaches its hotline.
                    tenant.serviceNumbers().get(0).number());

            Map<String, Long> users = new HashMap<>();
            for (DemoContract.User user : tenant.allUsers()) {
                users.put(user.login(), writeUser(tenantId, user));
            }

            Map<String, Long> skills = new HashMap<>();
            for (String skill : tenant.skills()) {
                skills.put(skill, insert("skill", "INSERT INTO skill (tenant_id, name) VALUES (?, ?)", tenantId, skill));
            }

            Map<String, Long> agents = new HashMap<>();
            for (DemoContract.Agent agent : tenant.agents()) {
                SipCredentials sip = SipCredentials.of(agent.extension(), DemoContract.SIP_REALM,
                        agent.sipPassword().toCharArray());
                long agentId = insert("agent",
                        "INSERT INTO agent (tenant_id, extension, display_name, sip_username, sip_realm, sip_ha1, user_id)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        tenantId, agent.extension(), agent.displayName(), sip.username(), sip.realm(), sip.ha1(),
                        users.get(agent.user().login()));
                agents.put(agent.extension(), agentId);
                for (Map.Entry<String, Integer> skill : agent.skills().entrySet()) {
                    insert("agent_skill",
                            "INSERT INTO agent_skill (tenant_id, agent_id, skill_id, proficiency) VALUES (?, ?, ?, ?)",
                            tenantId, agentId, skills.get(skill.getKey()), skill.getValue());
                }
            }

            Map<String, Long> groups = new HashMap<>();
            for (DemoContract.Group group : tenant.groups()) {
                long groupId = insert("acd_group",
                        "INSERT INTO acd_group (tenant_id, name, strategy, recording) VALUES (?, ?, ?, ?)",
                        tenantId, group.name(), group.strategy(), group.recording());
                groups.put(group.name(), groupId);
                int position = 0;
                for (String extension : group.memberExtensions()) {
                    insert("group_membership",
                            "INSERT INTO group_membership (tenant_id, group_id, agent_id, position) VALUES (?, ?, ?, ?)",
                            tenantId, groupId, agents.get(extension), position++);
                }
                for (Map.Entry<String, Integer> skill : group.requiredSkills().entrySet()) {
                    insert("group_skill_requirement",
                            "INSERT INTO group_skill_requirement (tenant_id, group_id, skill_id, min_proficiency)"
                                    + " VALUES (?, ?, ?, ?)",
                            tenantId, groupId, skills.get(skill.getKey()), skill.getValue());
                }
            }

            for (DemoContract.User user : tenant.users()) {
                for (String group : user.supervisedGroups()) {
                    insert("supervisor_group",
                            "INSERT INTO supervisor_group (tenant_id, user_id, group_id) VALUES (?, ?, ?)",
                            tenantId, users.get(user.login()), groups.get(group));
                }
            }

            for (DemoContract.SupervisorPhone phone : DemoContract.SUPERVISOR_PHONES) {
                if (phone.tenantKey().equals(tenant.key())) {
                    SipCredentials sip = SipCredentials.of(phone.sipUsername(), DemoContract.SIP_REALM, phone.sipPassword().toCharArray());
                    insert("supervisor_phone",
                            "INSERT INTO supervisor_phone (user_id, tenant_id, sip_username, sip_realm, sip_ha1) VALUES (?, ?, ?, ?, ?)",
                            users.get(phone.login()), tenantId, sip.username(), sip.realm(), sip.ha1());
                }
            }

            for (DemoContract.OpeningHours hours : tenant.openingHours()) {
                long hoursId = insert("opening_hours",
                        "INSERT INTO opening_hours (tenant_id, name, time_zone) VALUES (?, ?, ?)",
                        tenantId, hours.name(), hours.timeZone());
                if (hours.openAllWeek()) {
                    for (int day = 1; day <= 7; day++) {
                        // TIME holds 24:00:00 (java.time.LocalTime cannot): the end of the day, exclusive.
                        insert("opening_hours_interval",
                                "INSERT INTO opening_hours_interval (opening_hours_id, day_of_week, start_time, end_time)"
                                        + " VALUES (?, ?, '00:00:00', '24:00:00')",
                                hoursId, day);
                    }
                }
            }

            for (DemoContract.ServiceNumber number : tenant.serviceNumbers()) {
                long flowId = insert("call_flow", "INSERT INTO call_flow (tenant_id, name) VALUES (?, ?)",
                        tenantId, number.callFlowName());
                insert("call_flow_version",
                        "INSERT INTO call_flow_version (tenant_id, call_flow_id, version, graph) VALUES (?, ?, 1, ?)",
                        tenantId, flowId, graph(number.graphResource()));
                update("UPDATE call_flow SET current_version = 1 WHERE id = ?", flowId);
                insert("service_number",
                        "INSERT INTO service_number (tenant_id, number, call_flow_id, label) VALUES (?, ?, ?, ?)",
                        tenantId, number.number(), flowId, number.label());
            }

            for (DemoContract.PauseReason reason : DemoContract.PAUSE_REASONS) {
                insert("pause_reason",
                        "INSERT INTO pause_reason (tenant_id, code, label, paid, max_seconds, set_by_system)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        tenantId, reason.code(), reason.label(), reason.paid(), reason.maxSeconds(),
                        reason.setBySystem());
            }
            for (DemoContract.Disposition disposition : DemoContract.DISPOSITIONS) {
                insert("disposition", "INSERT INTO disposition (tenant_id, code, label) VALUES (?, ?, ?)",
                        tenantId, disposition.code(), disposition.label());
            }
        }

        private long writeUser(long tenantId, DemoContract.User user) throws SQLException {
            long userId = insert("app_user",
                    "INSERT INTO app_user (tenant_id, login, password_hash, display_name) VALUES (?, ?, ?, ?)",
                    tenantId, user.login(), passwordHashes.get(user.login()), user.displayName());
            insert("user_role", "INSERT INTO user_role (user_id, role) VALUES (?, ?)", userId, user.role());
            return userId;
        }

        private long systemTenantId() throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM tenant WHERE kind = 'SYSTEM' ORDER BY id LIMIT 1");
                 ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new DemoSeedFailed("no SYSTEM tenant: run SchemaMigration before seeding");
                }
                return result.getLong(1);
            }
        }

        /** Inserts one row and returns its generated id (0 for tables keyed by their links). */
        private long insert(String table, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(statement, parameters);
                statement.executeUpdate();
                counts.merge(table, 1, Integer::sum);
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    return keys.next() ? keys.getLong(1) : 0L;
                }
            }
        }

        private void update(String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                statement.executeUpdate();
            }
        }

        private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
        }

        private static String graph(String resource) {
            try (InputStream in = DemoTenants.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DemoSeedFailed("call-flow graph " + resource + " missing next to " + DemoTenants.class);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DemoSeedFailed("cannot read call-flow graph " + resource, e);
            }
        }

        /** What was written, table by table, e.g. {@code tenant=2, app_user=16, ...}. */
        @Override
        public String toString() {
            return counts.toString().replaceAll("[{}]", "");
        }
    }
}
