package io.verbund.acd.stats.slice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** DATETIME columns hold UTC (the servers run with time zone +00:00): how the statistics read and write them. */
public final class Utc {

    private Utc() {
    }

    public static Instant read(ResultSet row, int column) throws SQLException {
        LocalDateTime utc = row.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    public static LocalDateTime of(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
