package io.verbund.acd.lbconfig.sizing;

import static io.verbund.acd.lbconfig.sizing.Capacities.planned;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sizing model. Each role gets the nodes its load needs at {@link Capacities#HEADROOM} of the
 * measured per-node figures, less {@link Capacities#SCALE_OUT} once several share the load, plus one
 * spare (N+1): never fewer than two telephony and two web nodes. While one node could carry calls and
 * portal together, both roles share two nodes. The database is always the concept's master-master pair
 * with a realtime and a reporting replica, the load balancers its Pacemaker pair.
 */
public final class Sizer {

    /** One node may fail: the others carry its load. */
    static final int SPARE_NODES = 1;
    static final int LOAD_BALANCERS = 2;
    static final int MASTERS = 2;
    /** Realtime and reporting; the topology holds at most two. */
    static final int REPLICAS = 2;
    private static final int DAYS_A_YEAR = 365;
    /** Doubles are compared with this much slack, so 140 CAPS on 140 planned is one node, not two. */
    private static final double SLACK = 1e-9;

    public SizingPlan plan(Demand demand) {
        List<String> notes = new ArrayList<>();
        int cycleSeconds = demand.talkSeconds() + demand.waitSeconds();
        double callsFromRate = demand.callsPerSecond() * cycleSeconds;
        int peakCalls = Math.max(demand.concurrentCalls(), (int) Math.ceil(callsFromRate - SLACK));
        if (peakCalls > Demand.TOPOLOGY_LIMIT) {
            throw new InvalidDemand("caps", "with --talk-time and --wait-time this is " + peakCalls
                    + " concurrent calls, more than the " + Demand.TOPOLOGY_LIMIT + " a topology holds");
        }
        if (peakCalls > demand.concurrentCalls()) {
            notes.add("--concurrent-calls " + demand.concurrentCalls() + " is less than --caps x (--talk-time + --wait-time) = "
                    + number(callsFromRate) + " (Little's law): sized for " + peakCalls + " concurrent calls.");
        }
        double talking = cycleSeconds == 0 ? 0 : peakCalls * (double) demand.talkSeconds() / cycleSeconds;
        double waiting = peakCalls - talking;
        double mediaLegs = waiting + 2 * talking;
        if (talking > demand.agents() + SLACK) {
            notes.add("At the peak " + number(talking) + " calls would be talking but there are only " + demand.agents()
                    + " agents: check --talk-time, --wait-time, --concurrent-calls and --caps.");
        }

        double capsShare = demand.callsPerSecond() / planned(Capacities.CALL_PATH_CAPS);
        double legsShare = mediaLegs / planned(Capacities.MEDIA_LEGS);
        String callsDriver = capsShare >= legsShare
                ? "--caps " + number(demand.callsPerSecond()) + " of " + perNode(Capacities.CALL_PATH_CAPS)
                : number(mediaLegs) + " media legs (" + peakCalls + " calls: " + number(waiting) + " waiting x 1, "
                        + number(talking) + " talking x 2) of " + perNode(Capacities.MEDIA_LEGS);
        double telephonyShare = Math.max(capsShare, legsShare);
        double webShare = demand.portalSessions() / planned(Capacities.PORTAL_SESSIONS);
        String webDriver = demand.portalSessions() + " portal sessions (--web-sessions " + demand.webSessions() + " + --supervisors "
                + demand.supervisors() + " + --wallboards " + demand.wallboards() + ") of " + perNode(Capacities.PORTAL_SESSIONS);

        List<RoleCount> roles = new ArrayList<>();
        boolean shared = telephonyShare + webShare <= 1 + SLACK;
        int telephonyNodes;
        int webNodes;
        if (shared) {
            telephonyNodes = 1 + SPARE_NODES;
            webNodes = telephonyNodes;
            roles.add(new RoleCount("web + telephony", telephonyNodes, "one node carries calls and portal together at "
                    + percent(telephonyShare + webShare) + ": calls " + percent(telephonyShare) + " (" + callsDriver + "), portal "
                    + percent(webShare) + " (" + webDriver + "); + " + SPARE_NODES + " spare (N+1)"));
        } else {
            telephonyNodes = nodesFor(telephonyShare) + SPARE_NODES;
            webNodes = nodesFor(webShare) + SPARE_NODES;
            roles.add(new RoleCount("telephony", telephonyNodes, spread(telephonyShare) + " for " + callsDriver
                    + "; + " + SPARE_NODES + " spare (N+1)"));
            roles.add(new RoleCount("web", webNodes, spread(webShare) + " for " + webDriver + "; + " + SPARE_NODES + " spare (N+1)"));
        }

        double dispatcherShare = demand.callsPerSecond() / planned(Capacities.DISPATCHER_CAPS);
        roles.add(new RoleCount("load balancer", LOAD_BALANCERS, "the Pacemaker pair (haproxy, Kamailio, virtual IP); Kamailio at "
                + percent(dispatcherShare) + " (--caps " + number(demand.callsPerSecond()) + " of " + capacity(Capacities.DISPATCHER_CAPS, "CAPS") + ")"));
        if (dispatcherShare > 1 + SLACK) {
            notes.add("--caps " + number(demand.callsPerSecond()) + " is past the SIP dispatcher's planned "
                    + number(planned(Capacities.DISPATCHER_CAPS)) + " CAPS; Kamailio's ceiling here was the test box's: measure it on the"
                    + " real load balancers.");
        }

        double writes = demand.callsPerSecond() * Capacities.WRITES_PER_CALL.value();
        double masterShare = writes / planned(Capacities.MASTER_WRITES);
        roles.add(new RoleCount("database master", MASTERS, "master-master pair, every write to the first: " + number(writes)
                + " writes/s (--caps x " + number(Capacities.WRITES_PER_CALL.value()) + ") = " + percent(masterShare) + " of "
                + capacity(Capacities.MASTER_WRITES, "writes/s")));
        if (masterShare > 1 + SLACK) {
            notes.add(number(writes) + " writes/s is past one master's planned " + number(planned(Capacities.MASTER_WRITES))
                    + ": only one master is ever written (concept), so more nodes do not help; the drain's ceiling is not"
                    + " measured yet.");
        }
        int screens = demand.supervisors() + demand.wallboards();
        roles.add(new RoleCount("database replica", REPLICAS, "realtime (" + screens + " supervisor and wallboard screens) and"
                + " reporting, realtime falling back to the other (concept)"));
        if (screens > Capacities.SCREENS_PER_REALTIME_REPLICA.value()) {
            notes.add(screens + " supervisor and wallboard screens: the concept advises a further realtime replica past "
                    + number(Capacities.SCREENS_PER_REALTIME_REPLICA.value()) + " (its rule of thumb, not measured); a topology file"
                    + " holds two replicas.");
        }

        double rowsPerYear = DAYS_A_YEAR * (demand.callsPerDay() * Capacities.ROWS_PER_CALL.value()
                + demand.agents() * Capacities.SLICE_ROWS_PER_AGENT_DAY.value());
        long databaseBytesPerYear = Math.round(rowsPerYear * Capacities.BYTES_PER_ROW.value());
        double recordedHours = demand.callsPerDay() * (double) demand.retentionDays() * demand.recordedPercent() / 100
                * demand.talkSeconds() / 3600;
        long recordingBytes = Math.round(recordedHours * Capacities.RECORDING_BYTES_PER_HOUR.value());
        long otherFileBytes = Math.round(Math.ceil(demand.agents() / 200.0) * Capacities.OTHER_FILES_PER_200_AGENTS.value());
        return new SizingPlan(demand, peakCalls, mediaLegs, shared, telephonyNodes, webNodes, LOAD_BALANCERS, MASTERS, REPLICAS,
                databaseBytesPerYear, recordedHours, recordingBytes, otherFileBytes, roles, notes);
    }

    /** Nodes that carry {@code share} of one planned node: one while it fits, else each keeps the scale-out factor. */
    static int nodesFor(double share) {
        if (share <= 1 + SLACK) {
            return 1;
        }
        return (int) Math.ceil(share / Capacities.SCALE_OUT.value() - SLACK);
    }

    private static String spread(double share) {
        int nodes = nodesFor(share);
        return percent(share) + " of one node" + (nodes == 1 ? ": 1 node"
                : ": " + nodes + " nodes at " + number(Capacities.SCALE_OUT.value() * 100) + " % each (scale-out, "
                + Capacities.SCALE_OUT.basis().label() + ")");
    }

    private static String perNode(Figure capacity) {
        return number(planned(capacity)) + " planned per node (" + number(capacity.value()) + " measured x "
                + number(Capacities.HEADROOM.value() * 100) + " %)";
    }

    private static String capacity(Figure capacity, String unit) {
        return number(Capacities.planned(capacity)) + " " + unit + " planned (" + number(capacity.value()) + " measured x "
                + number(Capacities.HEADROOM.value() * 100) + " %)";
    }

    static String percent(double share) {
        if (share > 0 && share < 0.005) {
            return "<1 %";
        }
        return Math.round(share * 100) + " %";
    }

    /** Whole numbers without decimals, others with one. */
    static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%d", (long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
