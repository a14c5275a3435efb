package io.verbund.acd.stats.report;

import io.verbund.acd.runtime.datasource.DatasourceRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database server a report was read from ({@code @@server_id}, distinct per server in the
 * cluster) and the role of the datasource asked: a report says where its figures came from, and
 * the tests prove that reports are read from the reporting replica and never from the master.
 */
public record ReadFrom(String role, long serverId) {

    public static ReadFrom of(Connection db, DatasourceRole role) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT @@server_id"); ResultSet row = query.executeQuery()) {
            row.next();
            return new ReadFrom(role.name(), row.getLong(1));
        }
    }
}
