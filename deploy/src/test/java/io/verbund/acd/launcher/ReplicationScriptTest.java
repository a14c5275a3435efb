package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicationScriptTest {

    @Test
    void splitsStatementsAtTheLineEndSemicolonAndDropsComments() {
        String script = """
                -- Replication setup of master master1.
                SET sql_log_bin = 0;
                CREATE USER IF NOT EXISTS 'replication'@'127.0.0.1' IDENTIFIED BY 'a;b';
                -- master1 reads from master2
                CHANGE MASTER TO MASTER_HOST='127.0.0.1',
                  MASTER_PORT=3312;
                START SLAVE;
                """;

        assertThat(ReplicationScript.statements(script)).containsExactly(
                "SET sql_log_bin = 0",
                "CREATE USER IF NOT EXISTS 'replication'@'127.0.0.1' IDENTIFIED BY 'a;b'",
                "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=3312",
                "START SLAVE");
    }
}
