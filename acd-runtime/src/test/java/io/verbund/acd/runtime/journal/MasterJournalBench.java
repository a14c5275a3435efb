package io.verbund.acd.runtime.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Call events sustained into a real MariaDB master through the call path's own pipeline: a
 * {@link MasterJournal} (journal file, group commit and drain every 100 ms, {@link JdbcStatements}
 * batches) fed at a fixed call rate with the writes one answered call makes (its record inserted,
 * queued, offered, answered and ended, and its six call events, the routing decision among them:
 * 11 entries), for a fixed time per rate. Every 100 ms it reads the journal's backlog: the entries
 * not yet committed to the master and the age of the oldest, the pipeline's lag. Prints per rate the
 * entries a second appended and stored, the lag's p50, p99 and maximum, the largest backlog, the
 * time the rest took to drain after the load stopped, and the call_event rows counted in the
 * database. Run by {@code bench/master-journal.sh}, which gives the database and the tenant.
 *
 * <p>The statements are those of telephony-server's {@code CallRecorder} (which acd-runtime cannot
 * see), copied here: change them together.
 */
public final class MasterJournalBench {

    private static final String AGAIN_IS_A_NO_OP = " ON DUPLICATE KEY UPDATE id = id";
    private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();

    static {
        STATEMENTS.put("RECORD", "INSERT INTO call_record (call_id, tenant_id, service_number, caller, received_at, handled_by_node)"
                + " VALUES (?, ?, ?, ?, ?, ?)" + AGAIN_IS_A_NO_OP);
        STATEMENTS.put("QUEUED", moment("queued_at"));
        STATEMENTS.put("OFFERED", moment("offered_at"));
        STATEMENTS.put("ANSWERED", moment("answered_at"));
        STATEMENTS.put("ENDED", "UPDATE call_record SET ended_at = COALESCE(ended_at, ?), outcome = COALESCE(outcome, ?) WHERE call_id = ?");
        STATEMENTS.put("EVENT", "INSERT INTO call_event (tenant_id, call_id, seq, type, occurred_at, agent_id, group_id, flow_node, node, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + AGAIN_IS_A_NO_OP);
    }

    private static final int ENTRIES_PER_CALL = 11;
    private static final long SAMPLE_MILLIS = 100;
    private static final long DRAIN_WAIT_SECONDS = 120;

    private static String moment(String column) {
        return "UPDATE call_record SET " + column + " = COALESCE(" + column + ", ?), group_id = COALESCE(?, group_id),"
                + " agent_id = COALESCE(?, agent_id) WHERE call_id = ?";
    }

    private MasterJournalBench() {
    }

    /**
     * System properties: {@code bench.url} (JDBC URL of the master), {@code bench.user},
     * {@code bench.password}, {@code bench.tenant} (a tenant's id), {@code bench.rates} (calls a
     * second, space-separated; default "100 300 500 1000"), {@code bench.seconds} (per rate, default 30).
     */
    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url");
        long tenant = Long.parseLong(System.getProperty("bench.tenant"));
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "30"));
        DataSource master = pool(url, System.getProperty("bench.user"), System.getProperty("bench.password"));
        System.out.printf("%-7s %-10s %-10s %-10s %-10s %-10s %-12s %-10s %-10s %-10s%n", "calls/s", "appended/s", "stored/s",
                "lag p50 ms", "lag p99 ms", "lag max ms", "max backlog", "drained s", "events", "dead");
        for (String rate : System.getProperty("bench.rates", "100 300 500 1000").trim().split("\\s+")) {
            run(master, tenant, Integer.parseInt(rate), seconds);
        }
        if (master instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static void run(DataSource master, long tenant, int callsPerSecond, int seconds) throws Exception {
        Path folder = Files.createTempDirectory("master-journal-bench");
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        String prefix = "jbench-" + callsPerSecond + "-" + System.currentTimeMillis() + "-";
        long eventsBefore = events(master, prefix);
        MasterJournal journal = MasterJournal.open("call-records", folder, master, STATEMENTS, "bench", Clock.systemUTC(), scheduler);
        Load load = new Load(journal, tenant, prefix, callsPerSecond);
        // One thread paces the calls (each tick appends those due by then) and samples the backlog,
        // so the counters need no locks; the main thread only waits for the run to end.
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> calls = pacer.scheduleAtFixedRate(load::appendDue, 0, 1, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> samples = pacer.scheduleAtFixedRate(load::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        pacer.schedule(() -> {
            calls.cancel(false);
            samples.cancel(false);
        }, seconds, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(seconds + 10L)).pollInterval(Duration.ofMillis(100)).until(calls::isDone);
        pacer.shutdown();
        pacer.awaitTermination(10, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - load.started) / 1e9;
        long appended = load.calls * ENTRIES_PER_CALL;
        long stored = appended - journal.backlog().entries();
        long stopped = System.nanoTime();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(DRAIN_WAIT_SECONDS)).pollInterval(Duration.ofMillis(50)).until(() -> journal.backlog().isEmpty());
        } catch (ConditionTimeoutException notDrained) {
            // printed as a drain time of NaN
        }
        List<Long> lags = load.lags;
        long maxBacklog = load.maxBacklog;
        double drained = journal.backlog().isEmpty() ? (System.nanoTime() - stopped) / 1e9 : Double.NaN;
        long dead = journal.deadLettered();
        journal.close();
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
        long events = events(master, prefix) - eventsBefore;
        Collections.sort(lags);
        System.out.printf("%-7d %-10.0f %-10.0f %-10d %-10d %-10d %-12d %-10.1f %-10d %-10d%n", callsPerSecond, appended / elapsed, stored / elapsed,
                percentile(lags, 50), percentile(lags, 99), lags.isEmpty() ? 0 : lags.get(lags.size() - 1), maxBacklog, drained, events, dead);
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The calls a run appends at its rate, and the backlog sampled beside them; touched by the pacer's one thread only. */
    private static final class Load {
        final MasterJournal journal;
        final long tenant;
        final String prefix;
        final int callsPerSecond;
        final long started = System.nanoTime();
        final List<Long> lags = new ArrayList<>();
        long calls;
        long maxBacklog;

        Load(MasterJournal journal, long tenant, String prefix, int callsPerSecond) {
            this.journal = journal;
            this.tenant = tenant;
            this.prefix = prefix;
            this.callsPerSecond = callsPerSecond;
        }

        void appendDue() {
            long due = (System.nanoTime() - started) * callsPerSecond / 1_000_000_000L;
            while (calls < due) {
                appendCall(journal, tenant, prefix + calls, Instant.now());
                calls++;
            }
        }

        void sample() {
            JournalBacklog backlog = journal.backlog();
            lags.add(backlog.oldestAge(Instant.now()).toMillis());
            maxBacklog = Math.max(maxBacklog, backlog.entries());
        }
    }

    /** The writes of one answered call, in the order the call path makes them. */
    private static void appendCall(MasterJournal journal, long tenant, String callId, Instant at) {
        long group = 1;
        long agent = 1;
        journal.append(JournaledStatement.of("RECORD", callId, tenant, "+4930999000", "+49301234567", at, "bench"));
        journal.append(event(tenant, callId, 1, "CallReceived", at, null, null, "{\"serviceNumber\":\"+4930999000\",\"caller\":\"+49301234567\"}"));
        journal.append(JournaledStatement.of("QUEUED", at, group, null, callId));
        journal.append(event(tenant, callId, 2, "CallQueued", at, null, group, "{\"group\":\"Bench\",\"priority\":0}"));
        journal.append(event(tenant, callId, 3, "RoutingDecided", at, null, group, "{\"group\":\"Bench\",\"groupId\":1,\"strategy\":\"LONGEST_IDLE\","
                + "\"eligible\":1,\"chosen\":[\"b0001\"],\"considered\":[{\"agent\":\"b0001\",\"chosen\":true,\"detail\":\"idle 12.5 s\"}],"
                + "\"excludedCounts\":{}}"));
        journal.append(JournaledStatement.of("OFFERED", at, group, null, callId));
        journal.append(event(tenant, callId, 4, "CallOffered", at, agent, group, "{\"agent\":\"b0001\",\"why\":\"longest idle\",\"idleSeconds\":12.5}"));
        journal.append(JournaledStatement.of("ANSWERED", at, group, agent, callId));
        journal.append(event(tenant, callId, 5, "CallAnswered", at, agent, group, null));
        journal.append(event(tenant, callId, 6, "CallEnded", at, agent, group, "{\"outcome\":\"ANSWERED\",\"endedBy\":\"caller\"}"));
        journal.append(JournaledStatement.of("ENDED", at, "ANSWERED", callId));
    }

    private static JournaledStatement event(long tenant, String callId, int seq, String type, Instant at, Long agent, Long group, String detail) {
        return JournaledStatement.of("EVENT", tenant, callId, seq, type, at, agent, group, null, "bench", detail);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static long events(DataSource master, String prefix) throws Exception {
        try (Connection db = master.getConnection();
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM call_event WHERE call_id LIKE ?")) {
            count.setString(1, prefix + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** MariaDB Connector/J's pool, as WildFly's datasource keeps connections open; from the class path the script gives. */
    private static DataSource pool(String url, String user, String password) throws Exception {
        String pooled = url + (url.contains("?") ? "&" : "?") + "user=" + user + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                + "&maxPoolSize=4";
        return (DataSource) Class.forName("org.mariadb.jdbc.MariaDbPoolDataSource").getConstructor(String.class).newInstance(pooled);
    }
}
