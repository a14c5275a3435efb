package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoftphoneEdgeStatusTest {

    @Test
    void countsOnlyEstablishedConnectionsToTheWebSocketPorts() {
        List<String> table = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                // Kamailio listening on 8088 (0x1F98): no browser.
                "   0: 0100007F:1F98 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0",
                // Two browsers on 8088, one on 8089 (0x1F99).
                "   1: 0100007F:1F98 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 2 1 0 20 4 30 10 -1",
                "   2: 0100007F:1F98 0100007F:A1B3 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 20 4 30 10 -1",
                "   3: 0100007F:1F99 0100007F:A1B4 01 00000000:00000000 00:00000000 00000000     0        0 4 1 0 20 4 30 10 -1",
                // A browser's own side of a connection to 8088 (the remote port is 8088): not counted twice.
                "   4: 0100007F:A1B5 0100007F:1F98 01 00000000:00000000 00:00000000 00000000     0        0 5 1 0 20 4 30 10 -1",
                // One closing.
                "   5: 0100007F:1F98 0100007F:A1B6 06 00000000:00000000 00:00000000 00000000     0        0 6 1 0 20 4 30 10 -1");

        assertThat(SoftphoneEdgeStatus.establishedConnections(table, Set.of(8088, 8089))).isEqualTo(3);
        assertThat(SoftphoneEdgeStatus.establishedConnections(table, Set.of(9999))).isZero();
    }
}
