package io.verbund.acd.runtime.datasource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Reads the master should answer and a replica may when the master cannot: the configuration a call
 * needs, in the seconds of a master failover (haproxy moves the writes to the other master within
 * about two seconds, while replica 1 stays up, at most moments behind). Without it those seconds
 * refused new calls (503) and ended calls whose hang-up a survivor had to adopt {@code FAILED}.
 * Not for a read that decides a write: a replica may not have it yet.
 */
public final class MasterFirstReads {

    private static final Logger LOG = Logger.getLogger(MasterFirstReads.class.getName());
    /** At most one line per this long: in a failover every call of the node reads here. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    /** One read on a connection. */
    @FunctionalInterface
    public interface Read<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Clock clock;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);
    private final AtomicLong unlogged = new AtomicLong();

    public MasterFirstReads(Clock clock) {
        this.clock = clock;
    }

    /** {@code read} on the master, or on the replica when the master failed it; the master's failure if both failed. */
    public <T> T read(DataSource master, DataSource replica, String what, Read<T> read) throws SQLException {
        try (Connection connection = master.getConnection()) {
            return read.on(connection);
        } catch (SQLException onMaster) {
            try (Connection connection = replica.getConnection()) {
                T value = read.on(connection);
                readFromReplica(what, onMaster);
                return value;
            } catch (SQLException onReplica) {
                onMaster.addSuppressed(onReplica);
                throw onMaster;
            }
        }
    }

    private void readFromReplica(String what, SQLException onMaster) {
        long count = unlogged.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if (now.isBefore(last.plus(LOG_EVERY)) || !lastLogged.compareAndSet(last, now)) {
            return;
        }
        unlogged.addAndGet(-count);
        LOG.warning("event=read-from-replica reads=" + count + " last=\"" + what + "\" the master failed them: " + onMaster.getMessage());
    }
}
