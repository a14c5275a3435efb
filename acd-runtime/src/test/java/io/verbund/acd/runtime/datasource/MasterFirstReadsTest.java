package io.verbund.acd.runtime.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class MasterFirstReadsTest {

    private final MasterFirstReads reads = new MasterFirstReads(Clock.systemUTC());
    private final List<String> asked = new ArrayList<>();

    @Test
    void theMasterAnswersAndTheReplicaIsNotAsked() throws SQLException {
        assertThat(reads.read(answering("master"), answering("replica"), "a look-up", this::whoAnswered)).isEqualTo("master");
        assertThat(asked).containsExactly("master");
    }

    @Test
    void theReplicaAnswersWhatTheMasterFailed() throws SQLException {
        assertThat(reads.read(refusing("master"), answering("replica"), "a look-up", this::whoAnswered)).isEqualTo("replica");
        assertThat(asked).containsExactly("master", "replica");
    }

    @Test
    void aReadTheMasterRefusedOnItsConnectionGoesToTheReplicaToo() throws SQLException {
        MasterFirstReads.Read<String> failingOnTheMaster = connection -> {
            if (whoAnswered(connection).equals("master")) {
                throw new SQLException("Connection reset");
            }
            return "replica";
        };
        assertThat(reads.read(answering("master"), answering("replica"), "a look-up", failingOnTheMaster)).isEqualTo("replica");
    }

    @Test
    void withBothFailingTheMastersFailureIsThrownWithTheReplicasBesideIt() {
        assertThatThrownBy(() -> reads.read(refusing("master"), refusing("replica"), "a look-up", this::whoAnswered))
                .isInstanceOf(SQLException.class).hasMessage("master refused")
                .satisfies(failure -> assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("replica refused"));
    }

    private String whoAnswered(Connection connection) {
        return connection.toString();
    }

    private DataSource answering(String name) {
        Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "toString" -> name;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return dataSource(name, () -> connection);
    }

    private DataSource refusing(String name) {
        return dataSource(name, () -> {
            throw new SQLException(name + " refused");
        });
    }

    private interface Opening {
        Connection open() throws SQLException;
    }

    private DataSource dataSource(String name, Opening opening) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        asked.add(name);
                        return opening.open();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
