package io.verbund.acd.runtime.journal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs journaled statements on the master: a batch in one transaction, one JDBC batch per kind of
 * statement in the order the kinds were given (so an insert runs before the updates of its row),
 * and refused rows into {@code event_dead_letter}. Which failures are refusals decides whether a
 * batch is split or kept: see {@link #refused(SQLException)}.
 */
public final class JdbcStatements implements BisectingSink.Writes, BisectingSink.DeadLetters {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final int REASON_LENGTH = 1000;
    /** MariaDB's ER_DUP_ENTRY. */
    private static final int DUPLICATE_KEY = 1062;
    private static final String DEAD_LETTER = "INSERT IGNORE INTO event_dead_letter (source, kind, payload, reason, failed_at, node, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final String source;
    private final String journalId;
    private final DataSource master;
    private final Map<String, String> sqlByKind;
    private final String node;
    private final Clock clock;
    private final MasterCatchUp catchUp;

    /**
     * @param source    the journal's name, kept with each dead letter
     * @param journalId {@link Journal#id()}, which makes a dead letter's position unique for good
     * @param sqlByKind each kind's SQL, in the order a batch runs them
     */
    public JdbcStatements(String source, String journalId, DataSource master, Map<String, String> sqlByKind, String node, Clock clock) {
        this.source = source;
        this.journalId = journalId;
        this.master = master;
        this.sqlByKind = new LinkedHashMap<>(sqlByKind);
        this.node = node;
        this.clock = clock;
        this.catchUp = new MasterCatchUp(source, clock);
    }

    /** The sink a journal drains into: these statements, with refused rows split off to the dead letters. */
    public BisectingSink sink() {
        return new BisectingSink(this, this);
    }

    @Override
    public void write(List<JournalEntry> batch) throws JournalSink.SinkUnavailable, BisectingSink.EntryRefused {
        Map<String, List<JournaledStatement>> byKind = new LinkedHashMap<>();
        sqlByKind.keySet().forEach(kind -> byKind.put(kind, new ArrayList<>()));
        for (JournalEntry entry : batch) {
            JournaledStatement statement = decode(entry);
            List<JournaledStatement> ofKind = byKind.get(statement.kind());
            if (ofKind == null) {
                throw new BisectingSink.EntryRefused("no statement of kind " + statement.kind(), null);
            }
            ofKind.add(statement);
        }
        Connection connection = connect();
        try (connection) {
            connection.setAutoCommit(false);
            for (Map.Entry<String, List<JournaledStatement>> kind : byKind.entrySet()) {
                if (kind.getValue().isEmpty()) {
                    continue;
                }
                try (PreparedStatement statement = connection.prepareStatement(sqlByKind.get(kind.getKey()))) {
                    for (JournaledStatement write : kind.getValue()) {
                        bind(statement, write.parameters());
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            if (refused(e)) {
                throw new BisectingSink.EntryRefused(reason(e), e);
            }
            throw new JournalSink.SinkUnavailable(reason(e), e);
        }
    }

    @Override
    public void store(JournalEntry entry, String reason) throws JournalSink.SinkUnavailable {
        String kind;
        String payload;
        try {
            JournaledStatement statement = JournaledStatement.decode(entry.payload());
            kind = statement.kind();
            payload = json(statement.parameters());
        } catch (IllegalArgumentException e) {
            kind = "UNREADABLE";
            payload = JSON.createArrayBuilder().add(Base64.getEncoder().encodeToString(entry.payload())).build().toString();
        }
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(DEAD_LETTER)) {
            insert.setString(1, source);
            insert.setString(2, kind);
            insert.setString(3, payload);
            insert.setString(4, reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setString(6, node);
            insert.setString(7, journalId + "/" + entry.position());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new JournalSink.SinkUnavailable("dead letter not stored: " + reason(e), e);
        }
    }

    /** A connection to the master, once that master applied what its replication received: see {@link MasterCatchUp}. */
    private Connection connect() throws JournalSink.SinkUnavailable {
        Connection connection;
        try {
            connection = master.getConnection();
        } catch (SQLException e) {
            throw new JournalSink.SinkUnavailable("no connection to the master: " + reason(e), e);
        }
        try {
            catchUp.await(connection);
            return connection;
        } catch (JournalSink.SinkUnavailable | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static JournaledStatement decode(JournalEntry entry) throws BisectingSink.EntryRefused {
        try {
            return JournaledStatement.decode(entry.payload());
        } catch (IllegalArgumentException e) {
            throw new BisectingSink.EntryRefused(e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
    }

    /**
     * A refusal that a retry would meet again: the row breaks a constraint (SQLSTATE class 23), holds
     * a value the column cannot take (22), or the statement cannot run (42). Anything else — a lost
     * connection (08), a deadlock or lock wait (40), a server going away — passes, so the batch waits.
     * So does a duplicate key (error 1062): every journaled insert absorbs its own repetition, so a
     * duplicate is a race with another writer that the next attempt does not meet again.
     */
    static boolean refused(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException || cause instanceof SQLDataException
                    || cause instanceof SQLSyntaxErrorException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("42"))) {
                return true;
            }
        }
        return false;
    }

    private static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ", error " + e.getErrorCode() + ")";
        return e.getMessage() + state;
    }

    /** The parameters as a JSON array, times as ISO-8601: what an operator reads and replays. */
    static String json(List<Object> parameters) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Object value : parameters) {
            if (value == null) {
                array.addNull();
            } else if (value instanceof Long number) {
                array.add(number);
            } else if (value instanceof Integer number) {
                array.add(number);
            } else {
                array.add(value.toString());
            }
        }
        return array.build().toString();
    }
}
