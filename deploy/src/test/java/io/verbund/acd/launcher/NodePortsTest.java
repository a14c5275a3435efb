package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class NodePortsTest {

    @Test
    void shiftsEveryPortByTheOffset() {
        NodePorts ports = new NodePorts(100);

        assertThat(ports.http()).isEqualTo(8180);
        assertThat(ports.management()).isEqualTo(10090);
        assertThat(ports.sip()).isEqualTo(5160);
        assertThat(ports.sipTls()).isEqualTo(5161);
        assertThat(ports.https()).isEqualTo(8543);
        assertThat(ports.needs()).extracting(NodePorts.Need::port).contains(8543, 5161);
        assertThat(ports.needs()).allSatisfy(need -> assertThat(need.port()).isGreaterThanOrEqualTo(4812));
    }

    @Test
    void namesThePortSomethingElseHolds() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(NodePorts.HOST), 0));
            int port = taken.getLocalPort();
            NodePorts ports = new NodePorts(41000);

            assertThatThrownBy(() -> ports.requireFree(port))
                    .isInstanceOfSatisfying(LaunchFailure.class,
                            failure -> assertThat(failure.exitCode()).isEqualTo(ExitCode.PORT_IN_USE))
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("MariaDB");
        }
    }

    @Test
    void findsTheNextFreePort() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(NodePorts.HOST), 0));
            int port = taken.getLocalPort();

            assertThat(NodePorts.firstFree(port)).isGreaterThan(port);
            assertThat(NodePorts.isFree(port, false)).isFalse();
        }
    }
}
