package io.verbund.acd.stats.bench;

import io.verbund.acd.agent.SipCredentials;
import io.verbund.acd.user.PasswordHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes one month of raw statistics events for a tenant of its own, "month" (admin@month /
 * month-admin, Europe/Berlin): GROUP_COUNT longest-idle groups with 30 s wrap-up, AGENTS agents spread
 * over them, CALLS_PER_DAY calls a day from 08:00 to 18:00 with a morning and an afternoon peak.
 * Agents work an early or a late shift with a coffee break and a lunch pause; a call is offered to
 * the group's agent free longest, the caller hangs up when the wait runs past his patience. Rows
 * are what the call path writes (telephony-server's CallHistory and CallRecorder, the agent state
 * service's agent events): call records, call events CallReceived, CallQueued, RoutingDecided,
 * CallOffered, CallAnswered, CallEnded ({@code {"outcome":"ANSWERED",...}}) or CallAbandoned, and
 * agent events READY, RESERVED, RINGING, ON_CALL, WRAP_UP, PAUSED, LOGGED_OUT, with one agent's
 * events numbered through the month. Their {@code recorded_at} is when they happened, so the slice
 * worker of a running node (whose watermark is past them) leaves them to a recalculation.
 * Multi-row INSERTs of 1000 rows; a fixed seed, so two runs write the same month.
 * Usage: java -cp ... io.verbund.acd.stats.bench.MonthOfCalls JDBC_URL USER PASSWORD MONTH(2026-11) CALLS_PER_DAY AGENTS GROUP_COUNT
 */
public final class MonthOfCalls {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int ROWS_PER_INSERT = 1000;
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    /** Calls by hour from 08:00: a morning and an afternoon peak. */
    private static final double[] HOURLY = {0.6, 1.0, 1.3, 1.2, 0.9, 1.0, 1.2, 1.1, 0.9, 0.6};
    private static final String[] DISPOSITIONS = {"SALE", "INFO", "COMPLAINT", "CALLBACK_PROMISED"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Random random = new Random(15);
    private final long tenant;
    private final long[] groupIds;
    private final long[] agentIds;
    private final long[] agentSeq;
    private final Rows records;
    private final Rows callEvents;
    private final Rows agentEvents;
    private long calls;
    private long abandoned;

    private MonthOfCalls(Connection db, long tenant, long[] groupIds, long[] agentIds) {
        this.tenant = tenant;
        this.groupIds = groupIds;
        this.agentIds = agentIds;
        this.agentSeq = new long[agentIds.length];
        this.records = new Rows(db, "call_record (call_id, tenant_id, service_number, caller, group_id, agent_id, received_at, queued_at,"
                + " offered_at, answered_at, ended_at, outcome, disposition, handled_by_node, created_at, updated_at)");
        this.callEvents = new Rows(db, "call_event (tenant_id, call_id, seq, type, occurred_at, agent_id, group_id, flow_node, node, detail,"
                + " recorded_at)");
        this.agentEvents = new Rows(db, "agent_event (tenant_id, agent_id, seq, state, reason, call_id, occurred_at, node, recorded_at)");
    }

    public static void main(String[] args) throws Exception {
        YearMonth month = YearMonth.parse(args[3]);
        int callsPerDay = Integer.parseInt(args[4]);
        int agents = Integer.parseInt(args[5]);
        int groups = Integer.parseInt(args[6]);
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            try (Statement check = db.createStatement(); ResultSet rows = check.executeQuery("SELECT id FROM tenant WHERE tenant_key = 'month'")) {
                if (rows.next()) {
                    System.out.println("tenant month exists: nothing written");
                    return;
                }
            }
            long started = System.nanoTime();
            db.setAutoCommit(false);
            MonthOfCalls month1 = configure(db, agents, groups);
            for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                month1.day(day, callsPerDay);
            }
            month1.flush();
            db.commit();
            System.out.printf("tenant month (id %d): %d agents, %d groups, %d calls (%d abandoned), %d call events, %d agent events in %.0f s%n",
                    month1.tenant, agents, groups, month1.calls, month1.abandoned, month1.callEvents.count, month1.agentEvents.count,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private static MonthOfCalls configure(Connection db, int agents, int groups) throws Exception {
        long tenant = insert(db, "INSERT INTO tenant (tenant_key, name, kind, time_zone, default_locale) VALUES ('month', 'Month', 'TENANT',"
                + " 'Europe/Berlin', 'de')");
        long user = insert(db, "INSERT INTO app_user (tenant_id, login, password_hash, display_name) VALUES (" + tenant
                + ", 'admin@month', '" + PasswordHash.of("month-admin".toCharArray()).encoded() + "', 'Month admin')");
        insert(db, "INSERT INTO user_role (user_id, role) VALUES (" + user + ", 'TENANT_ADMIN')");
        insert(db, "INSERT INTO pause_reason (tenant_id, code, label) VALUES (" + tenant + ", 'BREAK', 'Break'), (" + tenant + ", 'LUNCH', 'Lunch')");
        for (String code : DISPOSITIONS) {
            insert(db, "INSERT INTO disposition (tenant_id, code, label) VALUES (" + tenant + ", '" + code + "', '" + code + "')");
        }
        long[] groupIds = new long[groups];
        for (int g = 0; g < groups; g++) {
            groupIds[g] = insert(db, "INSERT INTO acd_group (tenant_id, name, strategy, wrap_up_seconds) VALUES (" + tenant + ", 'Group "
                    + (g + 1) + "', 'LONGEST_IDLE', 30)");
        }
        long[] agentIds = new long[agents];
        for (int a = 0; a < agents; a++) {
            String name = String.format("m%04d", a + 1);
            String ha1 = SipCredentials.of(name, SipCredentials.DEFAULT_REALM, "month".toCharArray()).ha1();
            agentIds[a] = insert(db, "INSERT INTO agent (tenant_id, extension, display_name, sip_username, sip_realm, sip_ha1) VALUES (" + tenant
                    + ", '" + name + "', 'Month agent " + (a + 1) + "', '" + name + "', '" + SipCredentials.DEFAULT_REALM + "', '" + ha1 + "')");
            insert(db, "INSERT INTO group_membership (tenant_id, group_id, agent_id) VALUES (" + tenant + ", " + groupIds[a % groups] + ", "
                    + agentIds[a] + ")");
        }
        return new MonthOfCalls(db, tenant, groupIds, agentIds);
    }

    /** An agent's day: on shift from start to end, unavailable for calls in the pauses (and 10 minutes before each). */
    private static final class Shift {
        final int agent;
        final long start;
        final long end;
        final long[][] pauses;
        final String[] reasons = {"BREAK", "LUNCH"};
        long freeAt;
        final List<Object[]> events = new ArrayList<>();

        Shift(int agent, long start, long end, long[][] pauses) {
            this.agent = agent;
            this.start = start;
            this.end = end;
            this.pauses = pauses;
            this.freeAt = start;
        }

        /** The first moment from {@code at} the agent can take a call that lasts up to 10 minutes; MAX_VALUE: none today. */
        long availableFrom(long at) {
            long t = Math.max(at, freeAt);
            for (long[] pause : pauses) {
                if (t >= pause[0] - 10 * MINUTE && t < pause[1]) {
                    t = pause[1];
                }
            }
            return t < end - 10 * MINUTE ? t : Long.MAX_VALUE;
        }

        void event(long at, String state, String reason, String callId) {
            events.add(new Object[] {at, state, reason, callId});
        }
    }

    private void day(LocalDate day, int callsPerDay) throws Exception {
        long opens = day.atTime(LocalTime.of(8, 0)).atZone(ZONE).toInstant().toEpochMilli();
        List<List<Shift>> byGroup = new ArrayList<>();
        for (int g = 0; g < groupIds.length; g++) {
            byGroup.add(new ArrayList<>());
        }
        List<Shift> shifts = new ArrayList<>();
        for (int a = 0; a < agentIds.length; a++) {
            boolean early = (a / groupIds.length) % 2 == 0;
            long start = opens + (early ? 0 : 90 * MINUTE) + random.nextInt(5) * MINUTE;
            long end = start + 8 * 60 * MINUTE + 30 * MINUTE;
            long coffee = start + 2 * 60 * MINUTE + random.nextInt(30) * MINUTE;
            long lunch = start + 4 * 60 * MINUTE + (a % 3) * 20 * MINUTE;
            Shift shift = new Shift(a, start, end, new long[][] {{coffee, coffee + 10 * MINUTE}, {lunch, lunch + 30 * MINUTE}});
            shift.event(start, "READY", null, null);
            shift.event(coffee, "PAUSED", "BREAK", null);
            shift.event(coffee + 10 * MINUTE, "READY", null, null);
            shift.event(lunch, "PAUSED", "LUNCH", null);
            shift.event(lunch + 30 * MINUTE, "READY", null, null);
            shift.event(end, "LOGGED_OUT", null, null);
            shifts.add(shift);
            byGroup.get(a % groupIds.length).add(shift);
        }
        double hours = 0;
        for (double weight : HOURLY) {
            hours += weight;
        }
        for (int g = 0; g < groupIds.length; g++) {
            // Groups of different sizes of traffic: from 0.55 to 1.45 of the mean.
            double share = (0.55 + 0.9 * g / Math.max(1, groupIds.length - 1)) / groupIds.length;
            int count = (int) Math.round(callsPerDay * share);
            long[] arrivals = new long[count];
            for (int i = 0; i < count; i++) {
                double pick = random.nextDouble() * hours;
                int hour = 0;
                while (pick > HOURLY[hour] && hour < HOURLY.length - 1) {
                    pick -= HOURLY[hour++];
                }
                arrivals[i] = opens + hour * 60 * MINUTE + (long) (random.nextDouble() * 60 * MINUTE);
            }
            java.util.Arrays.sort(arrivals);
            for (int i = 0; i < count; i++) {
                call(day, g, i, arrivals[i], byGroup.get(g));
            }
        }
        for (Shift shift : shifts) {
            shift.events.sort(Comparator.comparingLong(event -> (Long) event[0]));
            for (Object[] event : shift.events) {
                agentEvents.add(tenant, agentIds[shift.agent], ++agentSeq[shift.agent], event[1], event[2], event[3], time((Long) event[0]),
                        "node1", time((Long) event[0]));
            }
        }
    }

    private void call(LocalDate day, int group, int number, long received, List<Shift> agents) throws Exception {
        calls++;
        String callId = "m-" + day.format(DAY) + "-" + group + "-" + number + "@month";
        long groupId = groupIds[group];
        String serviceNumber = "+493088800" + group;
        String caller = "+4917" + (10_000_000 + random.nextInt(89_999_999));
        long queued = received + 1500;
        long patience = 2 * SECOND + (long) (-Math.log(1 - random.nextDouble()) * 90 * SECOND);
        Shift chosen = null;
        long available = Long.MAX_VALUE;
        for (Shift shift : agents) {
            long from = shift.availableFrom(queued);
            if (from < available || (from == available && chosen != null && shift.freeAt < chosen.freeAt)) {
                available = from;
                chosen = shift;
            }
        }
        callEvents.add(tenant, callId, 1, "CallReceived", time(received), null, null, null, "node1",
                "{\"serviceNumber\":\"" + serviceNumber + "\",\"caller\":\"" + caller + "\"}", time(received));
        callEvents.add(tenant, callId, 2, "CallQueued", time(queued), null, groupId, "q", "node1",
                "{\"group\":\"Group " + (group + 1) + "\",\"priority\":0}", time(queued));
        if (chosen == null || available == Long.MAX_VALUE || available - queued > patience) {
            abandoned++;
            long gone = queued + patience;
            callEvents.add(tenant, callId, 3, "CallAbandoned", time(gone), null, groupId, null, "node1", null, time(gone));
            records.add(callId, tenant, serviceNumber, caller, groupId, null, time(received), time(queued), null, null, time(gone), "ABANDONED",
                    null, "node1", time(received), time(gone));
            return;
        }
        long agentId = agentIds[chosen.agent];
        String extension = String.format("m%04d", chosen.agent + 1);
        long offered = available + 200;
        long answered = offered + 2 * SECOND + random.nextInt(6000);
        long ended = answered + 45 * SECOND + Math.min(7 * MINUTE, (long) (-Math.log(1 - random.nextDouble()) * 180 * SECOND));
        long ready = ended + 30 * SECOND + random.nextInt(30_000);
        double idle = (offered - chosen.freeAt) / 1000.0;
        callEvents.add(tenant, callId, 3, "RoutingDecided", time(available), null, groupId, null, "node1",
                "{\"group\":\"Group " + (group + 1) + "\",\"groupId\":" + groupId + ",\"strategy\":\"LONGEST_IDLE\",\"eligible\":" + agents.size()
                        + ",\"chosen\":[\"" + extension + "\"],\"considered\":[{\"agent\":\"" + extension + "\",\"chosen\":true,\"detail\":\"idle "
                        + idle + " s\"}],\"excludedCounts\":{}}", time(available));
        callEvents.add(tenant, callId, 4, "CallOffered", time(offered), agentId, groupId, null, "node1",
                "{\"agent\":\"" + extension + "\",\"why\":\"longest idle\",\"idleSeconds\":" + idle + "}", time(offered));
        callEvents.add(tenant, callId, 5, "CallAnswered", time(answered), agentId, groupId, null, "node1", null, time(answered));
        callEvents.add(tenant, callId, 6, "CallEnded", time(ended), agentId, groupId, null, "node1",
                "{\"outcome\":\"ANSWERED\",\"endedBy\":\"" + (random.nextBoolean() ? "caller" : "agent") + "\"}", time(ended));
        String disposition = random.nextInt(10) < 7 ? DISPOSITIONS[random.nextInt(DISPOSITIONS.length)] : null;
        records.add(callId, tenant, serviceNumber, caller, groupId, agentId, time(received), time(queued), time(offered), time(answered),
                time(ended), "ANSWERED", disposition, "node1", time(received), time(ready));
        chosen.event(offered, "RESERVED", null, callId);
        chosen.event(offered + 50, "RINGING", null, callId);
        chosen.event(answered, "ON_CALL", null, callId);
        chosen.event(ended, "WRAP_UP", null, callId);
        chosen.event(ready, "READY", null, null);
        chosen.freeAt = ready;
    }

    private void flush() throws Exception {
        records.flush();
        callEvents.flush();
        agentEvents.flush();
    }

    private static Instant time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    private static long insert(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet key = statement.getGeneratedKeys()) {
                return key.next() ? key.getLong(1) : 0;
            }
        }
    }

    /** Rows for one table, sent as multi-row INSERTs of {@value #ROWS_PER_INSERT} rows and committed with each. */
    private static final class Rows {
        private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.of("UTC"));
        private final Connection db;
        private final String into;
        private final StringBuilder sql = new StringBuilder();
        private int pending;
        long count;

        Rows(Connection db, String into) {
            this.db = db;
            this.into = into;
        }

        void add(Object... values) throws Exception {
            sql.append(pending == 0 ? "INSERT INTO " + into + " VALUES (" : ", (");
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                sql.append(i == 0 ? "" : ", ");
                if (value == null) {
                    sql.append("NULL");
                } else if (value instanceof Number) {
                    sql.append(value);
                } else if (value instanceof Instant instant) {
                    sql.append('\'').append(UTC.format(instant)).append('\'');
                } else {
                    sql.append('\'').append(value.toString().replace("\\", "\\\\").replace("'", "''")).append('\'');
                }
            }
            sql.append(')');
            count++;
            if (++pending == ROWS_PER_INSERT) {
                flush();
            }
        }

        void flush() throws Exception {
            if (pending == 0) {
                return;
            }
            try (Statement statement = db.createStatement()) {
                statement.executeUpdate(sql.toString());
            }
            db.commit();
            sql.setLength(0);
            pending = 0;
        }
    }
}
