package io.verbund.acd.lbconfig.sizing;

import io.verbund.acd.lbconfig.sizing.Figure.Basis;
import java.util.List;

/**
 * The figures the sizing uses, each with its origin. Measured ones come from {@code docs/benchmarks.md}
 * (the section is named; the box there has 2 cores) and replace the concept's rule of thumb wherever we
 * have one; when a benchmark is re-run with other results, change the figure here and its source.
 */
public final class Capacities {

    private static final String BENCHMARKS = "docs/benchmarks.md, ";

    /**
     * Clean (no failed call, every record written) through queue to agent, media anchored. 300 was clean
     * on 2026-12-05 but in no run since 2026-12-06 on the same box, so it is not used. Concept: 10 CAPS.
     */
    public static final Figure CALL_PATH_CAPS = new Figure("call attempts a second per telephony node", 200, "CAPS",
            Basis.MEASURED, BENCHMARKS + "\"Call path: SIPp callers through the queue to agents\" and \"The call path with"
                    + " media anchored\" (clean at 200; 300 not clean since 2026-12-06); concept: 10");

    /**
     * Callers on music on hold on one node: the highest step measured (jitter p99 2.8 ms, half a core), not
     * a ceiling. A talking call counts as two legs (caller and agent), a waiting one as one. Concept: 1000
     * parallel calls per telephony server.
     */
    public static final Figure MEDIA_LEGS = new Figure("media legs per telephony node", 1000, "legs",
            Basis.MEASURED, BENCHMARKS + "\"Media: callers on music on hold (issue 6)\" (highest step measured, not a ceiling);"
                    + " concept: 1000 calls");

    /** Agents with an event stream and state changes, 1 supervisor per 100, after the stream fixes. Concept: 100-200. */
    public static final Figure PORTAL_SESSIONS = new Figure("portal sessions per web node", 500, "sessions",
            Basis.MEASURED, BENCHMARKS + "\"Portal sessions (issue 5)\", \"After the fixes\" (API p99 46 ms); concept: 100-200");

    /** The call path's journal drained into one master; the drain's own ceiling was not measured. Concept: ~30/s. */
    public static final Figure MASTER_WRITES = new Figure("writes a second into the database master", 5500, "writes/s",
            Basis.MEASURED, BENCHMARKS + "\"Call events sustained into the master, and the pipeline's lag\" (500 calls/s,"
                    + " not the ceiling); concept: ~30 events/s");

    /** CallRecorder's statements for one answered call: the record, four moments, six call events. */
    public static final Figure WRITES_PER_CALL = new Figure("master writes per answered call", 11, "writes",
            Basis.MEASURED, BENCHMARKS + "\"Call events sustained into the master, and the pipeline's lag\"");

    /** Kamailio as a stateful proxy with SIPp on both ends; the box's signalling ceiling since 2026-12-06. */
    public static final Figure DISPATCHER_CAPS = new Figure("call attempts a second through the SIP dispatcher", 500, "CAPS",
            Basis.MEASURED, BENCHMARKS + "\"Baseline: the same scenario through Kamailio\" and the issue 16-17 runs (ceiling 500)");

    /** Two channels of 8-bit G.711 at 8000 Hz; the concept says 110 MB. */
    public static final Figure RECORDING_BYTES_PER_HOUR = new Figure("bytes per recorded hour", 57_600_000, "bytes",
            Basis.MEASURED, BENCHMARKS + "\"Media: callers on music on hold (issue 6)\", bytes per recorded hour; concept: 110 MB");

    /**
     * Rows a call leaves in the database: the month's 150 000 call records, 896 787 call events, 780 645 agent
     * events and 150 000 visits, divided by its 150 000 calls.
     */
    public static final Figure ROWS_PER_CALL = new Figure("database rows per call", (150_000 + 896_787 + 780_645 + 150_000) / 150_000.0,
            "rows", Basis.MEASURED, BENCHMARKS + "\"A month of a 200-agent tenant\" (row counts)");

    /** The same month's 209 390 call slice and ~208 800 agent slice rows, for 200 agents over 30 days. */
    public static final Figure SLICE_ROWS_PER_AGENT_DAY = new Figure("statistics slice rows per agent and day",
            (209_390 + 208_800) / (200 * 30.0), "rows", Basis.MEASURED, BENCHMARKS + "\"A month of a 200-agent tenant\" (row counts)");

    /**
     * A journal entry's size, used for a row: InnoDB's size on disk with its indexes has not been measured, so
     * the database figure is an estimate.
     */
    public static final Figure BYTES_PER_ROW = new Figure("bytes per database row", 360, "bytes",
            Basis.ESTIMATE, BENCHMARKS + "\"The call records' journal (issue 15)\" (a journal entry); InnoDB's own size not measured");

    /** The default calls a day when none is given: the month benchmark's tenant, 5000 calls a day for 200 agents. */
    public static final Figure CALLS_PER_AGENT_DAY = new Figure("calls per agent and day (default of --calls-per-day)", 25,
            "calls", Basis.ASSUMED, BENCHMARKS + "\"A month of a 200-agent tenant\" (its profile, not a measurement)");

    /** Prompts, scripts, reports, logs and the rest of the file storage, recordings not counted. */
    public static final Figure OTHER_FILES_PER_200_AGENTS = new Figure("file storage besides recordings per 200 agents",
            512_000_000_000.0, "bytes", Basis.CONCEPT, "concept, file storage: 512 GB for up to 200 agents, recordings not counted");

    /** "Dozens of supervisors and wallboards ... may need a further slave": read as two dozen. */
    public static final Figure SCREENS_PER_REALTIME_REPLICA = new Figure("supervisor and wallboard screens per realtime replica", 24,
            "screens", Basis.CONCEPT, "concept, database: dozens of supervisors and wallboards may need a further replica");

    /** Nodes are planned to run at most this share of a measured capacity: room for bursts, GC, a slower box. */
    public static final Figure HEADROOM = new Figure("share of a measured capacity planned for", 0.7, "",
            Basis.PLANNING, "room for bursts, garbage collection and a busier machine");

    /**
     * What each node delivers of its own capacity once the load is spread over several: a lone node's CPU per
     * answered call over two nodes' together (the replicated caches' writes, each marshalled, encrypted and applied
     * on both). Measured with two nodes; more nodes cost each replicated write more, so plans past two are optimistic.
     */
    public static final Figure SCALE_OUT = new Figure("capacity each node keeps when several share the load", 0.35, "",
            Basis.MEASURED, BENCHMARKS + "\"Scale-out: one node against two behind Kamailio\" (9.24 ms of node CPU per call"
            + " alone, 26.69 ms for two together; both nodes, four MariaDB and Kamailio on one 2-core box)");

    /** Every figure, in the order the report lists them. */
    public static final List<Figure> ALL = List.of(CALL_PATH_CAPS, MEDIA_LEGS, PORTAL_SESSIONS, MASTER_WRITES, WRITES_PER_CALL,
            DISPATCHER_CAPS, RECORDING_BYTES_PER_HOUR, ROWS_PER_CALL, SLICE_ROWS_PER_AGENT_DAY, BYTES_PER_ROW,
            CALLS_PER_AGENT_DAY, OTHER_FILES_PER_200_AGENTS, SCREENS_PER_REALTIME_REPLICA, HEADROOM, SCALE_OUT);

    private Capacities() {
    }

    /** What one node is planned to carry of {@code capacity}. */
    static double planned(Figure capacity) {
        return capacity.value() * HEADROOM.value();
    }
}
