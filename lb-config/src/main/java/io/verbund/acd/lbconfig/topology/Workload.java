package io.verbund.acd.lbconfig.topology;

/** What a replica serves first: real-time statistics (wallboards) or reporting (historical queries). */
public enum Workload {
    /** Wallboards and live figures: while their replica is down they move to the other one. */
    REALTIME(true),
    /**
     * Reports and the slice worker: while their replica is down they fail (reports answer 503 with
     * Retry-After) rather than move, so long report queries never slow the real-time replica.
     */
    REPORTING(false);

    private final boolean borrowsTheOtherReplica;

    Workload(boolean borrowsTheOtherReplica) {
        this.borrowsTheOtherReplica = borrowsTheOtherReplica;
    }

    /** Whether this workload moves to the other replica while its own is down. */
    public boolean borrowsTheOtherReplica() {
        return borrowsTheOtherReplica;
    }

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
