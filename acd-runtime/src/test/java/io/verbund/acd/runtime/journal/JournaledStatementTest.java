package io.verbund.acd.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournaledStatementTest {

    @Test
    void aStatementComesBackFromItsBytesWithEachParameterOfItsType() {
        JournaledStatement event = JournaledStatement.of("EVENT", 7L, "call-1@host", 3, "CallQueued",
                Instant.parse("2026-03-02T09:00:00.123456Z"), null, 12L, "queue-1", "node-a", "{\"group\":\"Süd\"}");

        JournaledStatement decoded = JournaledStatement.decode(event.encode());

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.parameters().get(2)).isInstanceOf(Integer.class);
        assertThat(decoded.parameters().get(0)).isInstanceOf(Long.class);
    }

    @Test
    void aDetailLongerThan64KilobytesSurvives() {
        String detail = "x".repeat(100_000);

        assertThat(JournaledStatement.decode(JournaledStatement.of("EVENT", detail).encode()).parameters()).containsExactly(detail);
    }

    @Test
    void bytesThatAreNoStatementAreRefused() {
        assertThatThrownBy(() -> JournaledStatement.decode(new byte[] {0, 0, 0, 9, 1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDeadLetterShowsTheParametersAsJson() {
        assertThat(JdbcStatements.json(JournaledStatement.of("ENDED", Instant.parse("2026-03-02T09:00:00Z"), "ANSWERED", null, 4L).parameters()))
                .isEqualTo("[\"2026-03-02T09:00:00Z\",\"ANSWERED\",null,4]");
    }

    @Test
    void constraintsValuesAndStatementsAreRefusalsWhileLostConnectionsAndDeadlocksPass() {
        assertThat(JdbcStatements.refused(new SQLIntegrityConstraintViolationException("CONSTRAINT `ck_call_event_detail` failed", "23000", 4025))).isTrue();
        assertThat(JdbcStatements.refused(new BatchUpdateException("Data too long for column 'caller'", "22001", 1406, new int[0], null))).isTrue();
        assertThat(JdbcStatements.refused(new SQLException("wrapped", new SQLException("Unknown column", "42S22", 1054)))).isTrue();
        assertThat(JdbcStatements.refused(new SQLNonTransientConnectionException("Connection refused", "08000"))).isFalse();
        assertThat(JdbcStatements.refused(new SQLTransactionRollbackException("Deadlock found", "40001", 1213))).isFalse();
        assertThat(JdbcStatements.refused(new SQLException("IJ031084: Unable to create connection"))).isFalse();
        assertThat(JdbcStatements.refused(new SQLIntegrityConstraintViolationException("Duplicate entry '7-12' for key 'uk_agent_event_seq'", "23000", 1062)))
                .as("another writer took the sequence number: next time").isFalse();
    }
}
