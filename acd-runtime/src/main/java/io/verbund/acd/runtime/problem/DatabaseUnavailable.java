package io.verbund.acd.runtime.problem;

import java.sql.SQLException;

/** The database could not answer a request's query; the SQL and the driver's message stay in the log. */
public class DatabaseUnavailable extends Unavailable {

    public DatabaseUnavailable(String whatFor, SQLException cause) {
        super("database-unavailable", "Database unavailable",
                "The database did not answer while " + whatFor + "; try again shortly", cause);
    }
}
