package io.verbund.acd.node;

import io.verbund.acd.agent.SipCredentials;
import io.verbund.acd.user.PasswordHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Creates the benchmark tenant "bench": one ACD group "Bench" (longest idle, no wrap-up) with N
 * agents b0001… (SIP password "bench"), the service number +4930999000 straight to its queue, the
 * IVR-only number +4930999001 (greeting, a menu whose key 1 hangs up), and the admin user
 * admin@bench / bench-admin. Used by call-path-caps.sh and the load test; idempotent (does nothing
 * if the tenant exists).
 * Usage: java -cp deploy/target/test-classes:acd-core.jar:mariadb-java-client.jar io.verbund.acd.node.BenchTenant JDBC_URL USER PASSWORD AGENTS
 */
public final class BenchTenant {

    static final String SERVICE_NUMBER = "+4930999000";

    /**
     * The IVR step's number: an announcement, then a menu whose key 1 hangs up, no agent involved.
     * A key the node does not hear leads to the queue, where nobody answers, so the caller's missing
     * 480 counts the call failed instead of passing it silently.
     */
    static final String IVR_NUMBER = "+4930999001";

    private static final String IVR_FLOW = "{\"start\":\"greeting\",\"nodes\":["
            + "{\"id\":\"greeting\",\"type\":\"announcement\",\"parameters\":{\"prompt\":\"greeting\"},\"exits\":{\"next\":\"menu\"}},"
            + "{\"id\":\"menu\",\"type\":\"dtmf_menu\",\"parameters\":{\"prompt\":\"menu\",\"timeoutSeconds\":5,\"retries\":0},"
            + "\"exits\":{\"1\":\"bye\",\"no_input\":\"unheard\",\"invalid\":\"unheard\"}},"
            + "{\"id\":\"bye\",\"type\":\"hangup\",\"parameters\":{},\"exits\":{}},"
            + "{\"id\":\"unheard\",\"type\":\"queue\",\"parameters\":{\"group\":\"Bench\"},\"exits\":{}}]}";

    private BenchTenant() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            System.out.println(create(db, Integer.parseInt(args[3])) ? "bench tenant created with " + args[3] + " agents" : "bench tenant exists");
        }
    }

    /** Creates the tenant with {@code agents} agents b0001…; false when it exists already. */
    static boolean create(Connection db, int agents) throws Exception {
        try (Statement check = db.createStatement(); ResultSet rows = check.executeQuery("SELECT id FROM tenant WHERE tenant_key = 'bench'")) {
            if (rows.next()) {
                return false;
            }
        }
        db.setAutoCommit(false);
        long tenant = insert(db, "INSERT INTO tenant (tenant_key, name, kind, time_zone, default_locale) VALUES ('bench', 'Bench', 'TENANT', 'Europe/Berlin', 'de')");
        long user = insert(db, "INSERT INTO app_user (tenant_id, login, password_hash, display_name) VALUES (" + tenant
                + ", 'admin@bench', '" + PasswordHash.of("bench-admin".toCharArray()).encoded() + "', 'Bench admin')");
        insert(db, "INSERT INTO user_role (user_id, role) VALUES (" + user + ", 'TENANT_ADMIN')");
        long group = insert(db, "INSERT INTO acd_group (tenant_id, name, strategy, wrap_up_seconds, redial_delay_seconds) VALUES (" + tenant + ", 'Bench', 'LONGEST_IDLE', 0, 0)");
        try (PreparedStatement agent = db.prepareStatement("INSERT INTO agent (tenant_id, extension, display_name, sip_username, sip_realm, sip_ha1) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement member = db.prepareStatement("INSERT INTO group_membership (tenant_id, group_id, agent_id) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= agents; i++) {
                String name = String.format("b%04d", i);
                SipCredentials sip = SipCredentials.of(name, SipCredentials.DEFAULT_REALM, "bench".toCharArray());
                agent.setLong(1, tenant);
                agent.setString(2, name);
                agent.setString(3, "Bench agent " + i);
                agent.setString(4, name);
                agent.setString(5, sip.realm());
                agent.setString(6, sip.ha1());
                agent.executeUpdate();
                try (ResultSet key = agent.getGeneratedKeys()) {
                    key.next();
                    member.setLong(1, tenant);
                    member.setLong(2, group);
                    member.setLong(3, key.getLong(1));
                    member.executeUpdate();
                }
            }
        }
        long flow = insert(db, "INSERT INTO call_flow (tenant_id, name) VALUES (" + tenant + ", 'Bench')");
        insert(db, "INSERT INTO call_flow_version (tenant_id, call_flow_id, version, graph) VALUES (" + tenant + ", " + flow
                + ", 1, '{\"start\":\"q\",\"nodes\":[{\"id\":\"q\",\"type\":\"queue\",\"parameters\":{\"group\":\"Bench\"},\"exits\":{}}]}')");
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE call_flow SET current_version = 1 WHERE id = " + flow);
        }
        insert(db, "INSERT INTO service_number (tenant_id, number, call_flow_id, label) VALUES (" + tenant + ", '" + SERVICE_NUMBER + "', " + flow + ", 'Bench')");
        long ivr = insert(db, "INSERT INTO call_flow (tenant_id, name) VALUES (" + tenant + ", 'Bench IVR')");
        insert(db, "INSERT INTO call_flow_version (tenant_id, call_flow_id, version, graph) VALUES (" + tenant + ", " + ivr + ", 1, '" + IVR_FLOW + "')");
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE call_flow SET current_version = 1 WHERE id = " + ivr);
        }
        insert(db, "INSERT INTO service_number (tenant_id, number, call_flow_id, label) VALUES (" + tenant + ", '" + IVR_NUMBER + "', " + ivr + ", 'Bench IVR')");
        db.commit();
        return true;
    }

    /**
     * Gives the bench agents b0001… up to {@code agents} a desktop login bNNNN@bench, password
     * "bench" (role AGENT), for the benchmarks that drive the agent desktop; those that have one keep it.
     */
    static void giveDesktopLogins(Connection db, int agents) throws Exception {
        db.setAutoCommit(false);
        for (int i = 1; i <= agents; i++) {
            String name = String.format("b%04d", i);
            try (Statement check = db.createStatement();
                 ResultSet rows = check.executeQuery("SELECT user_id, tenant_id FROM agent WHERE sip_username = '" + name + "'")) {
                if (!rows.next() || rows.getObject(1) != null) {
                    continue;
                }
                long tenant = rows.getLong(2);
                long user = insert(db, "INSERT INTO app_user (tenant_id, login, password_hash, display_name) VALUES (" + tenant + ", '" + name
                        + "@bench', '" + PasswordHash.of("bench".toCharArray()).encoded() + "', 'Bench agent " + i + "')");
                insert(db, "INSERT INTO user_role (user_id, role) VALUES (" + user + ", 'AGENT')");
                try (Statement link = db.createStatement()) {
                    link.executeUpdate("UPDATE agent SET user_id = " + user + " WHERE sip_username = '" + name + "'");
                }
            }
        }
        db.commit();
    }

    private static long insert(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet key = statement.getGeneratedKeys()) {
                return key.next() ? key.getLong(1) : 0;
            }
        }
    }
}
