package io.verbund.acd.runtime.datasource;

/**
 * Why a service talks to the database decides which database it reaches: the master takes all
 * writes and configuration reads, replica 1 serves real-time statistics, replica 2 reports.
 * In the demo all three datasources point at one database; in the cluster at three haproxy ports.
 */
public enum DatasourceRole {
    MASTER("AcdMasterDS"),
    REALTIME("AcdRealtimeDS"),
    REPORTING("AcdReportingDS");

    private final String datasourceName;

    DatasourceRole(String datasourceName) {
        this.datasourceName = datasourceName;
    }

    public String datasourceName() {
        return datasourceName;
    }

    public String jndiName() {
        return "java:jboss/datasources/" + datasourceName;
    }

    /** The name used in health documents and configuration: {@code master}, {@code realtime}, {@code reporting}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
