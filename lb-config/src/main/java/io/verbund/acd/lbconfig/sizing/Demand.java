package io.verbund.acd.lbconfig.sizing;

/**
 * The load a deployment is sized for: the peak hour's calls, the portal's screens and the recordings
 * kept. Input names in messages are the options of {@code lb-config size}.
 *
 * @param agents          agents logged in at the peak
 * @param concurrentCalls calls in the system at the peak (waiting and talking)
 * @param callsPerSecond  new calls a second at the peak (CAPS)
 * @param talkSeconds     average talk time of an answered call
 * @param waitSeconds     average time a caller waits (announcements, queue) before an agent answers
 * @param recordedPercent share of calls recorded, 0-100
 * @param retentionDays   how long recordings are kept
 * @param webSessions     portal sessions besides supervisors and wallboards (the agents' desktops, admins)
 * @param supervisors     supervisor screens open at the peak
 * @param wallboards      wallboards open at the peak
 * @param callsPerDay     calls on an average day, for the yearly database and recording volume
 */
public record Demand(int agents, int concurrentCalls, double callsPerSecond, int talkSeconds, int waitSeconds,
                     double recordedPercent, int retentionDays, int webSessions, int supervisors, int wallboards,
                     int callsPerDay) {

    /** The most agents and concurrent calls a topology file holds ({@code sizing} in TopologyReader). */
    public static final int TOPOLOGY_LIMIT = 100_000;

    public Demand {
        within("agents", agents, 1, TOPOLOGY_LIMIT);
        within("concurrent-calls", concurrentCalls, 0, TOPOLOGY_LIMIT);
        if (!(callsPerSecond >= 0 && callsPerSecond <= TOPOLOGY_LIMIT)) {
            throw new InvalidDemand("caps", "must be 0-" + TOPOLOGY_LIMIT + " calls a second, was " + callsPerSecond);
        }
        within("talk-time", talkSeconds, 0, 86_400);
        within("wait-time", waitSeconds, 0, 86_400);
        if (!(recordedPercent >= 0 && recordedPercent <= 100)) {
            throw new InvalidDemand("recorded", "must be a share of 0-100 %, was " + recordedPercent);
        }
        within("retention", retentionDays, 0, 36_500);
        within("web-sessions", webSessions, 0, 10_000_000);
        within("supervisors", supervisors, 0, 10_000_000);
        within("wallboards", wallboards, 0, 10_000_000);
        within("calls-per-day", callsPerDay, 0, 100_000_000);
    }

    /** Every screen on the portal at the peak: each holds a session and an event stream. */
    public int portalSessions() {
        return webSessions + supervisors + wallboards;
    }

    private static void within(String input, long value, long lowest, long highest) {
        if (value < lowest || value > highest) {
            throw new InvalidDemand(input, "must be " + lowest + "-" + highest + ", was " + value);
        }
    }
}
