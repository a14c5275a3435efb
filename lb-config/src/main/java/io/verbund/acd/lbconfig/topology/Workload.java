package io.verbund.acd.lbconfig.topology;

/** What a replica serves first: real-time statistics (wallboards) or reporting (historical queries). */
public enum Workload {
    REALTIME, REPORTING;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
