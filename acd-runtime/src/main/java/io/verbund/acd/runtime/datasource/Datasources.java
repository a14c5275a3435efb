package io.verbund.acd.runtime.datasource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/** The datasources of the three roles, looked up once per deployment. */
@ApplicationScoped
public class Datasources {

    @Resource(lookup = "java:jboss/datasources/AcdMasterDS")
    private DataSource master;

    @Resource(lookup = "java:jboss/datasources/AcdRealtimeDS")
    private DataSource realtime;

    @Resource(lookup = "java:jboss/datasources/AcdReportingDS")
    private DataSource reporting;

    public DataSource forRole(DatasourceRole role) {
        return switch (role) {
            case MASTER -> master;
            case REALTIME -> realtime;
            case REPORTING -> reporting;
        };
    }
}
