package io.verbund.acd.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpPortsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final int base = TestPorts.base();
    private final RtpPorts ports = new RtpPorts(LOOPBACK, base + 1, base + 6);
    private RtpPorts.Pair first;
    private RtpPorts.Pair second;

    @AfterEach
    void closeChannels() {
        for (RtpPorts.Pair pair : new RtpPorts.Pair[]{first, second}) {
            if (pair != null) {
                RtpPorts.closeQuietly(pair.rtp());
                RtpPorts.closeQuietly(pair.rtcp());
            }
        }
    }

    @Test
    void bindsEvenRtpPortsWithRtcpAbove() throws Exception {
        first = ports.allocate();

        assertThat(first.rtpPort()).isEqualTo(base + 2);
        assertThat(((InetSocketAddress) first.rtp().getLocalAddress()).getPort()).isEqualTo(base + 2);
        assertThat(((InetSocketAddress) first.rtcp().getLocalAddress()).getPort()).isEqualTo(base + 3);
        assertThat(first.rtp().isBlocking()).isFalse();
    }

    @Test
    void reportsExhaustionClearlyAndReusesAFreedPair() {
        first = ports.allocate();
        second = ports.allocate();

        assertThatThrownBy(ports::allocate).isInstanceOf(MediaPortsExhausted.class)
                .hasMessageContaining("no free RTP port pair in " + (base + 2) + "–" + (base + 6)).hasMessageContaining("2 in use");

        RtpPorts.closeQuietly(first.rtp());
        RtpPorts.closeQuietly(first.rtcp());
        ports.release(first.rtpPort());
        RtpPorts.Pair reused = ports.allocate();
        assertThat(reused.rtpPort()).isEqualTo(first.rtpPort());
        first = reused;
        assertThat(ports.inUse()).isEqualTo(2);
    }

    @Test
    void skipsAPortAnotherProcessHolds() throws Exception {
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, base + 3))) {
            first = ports.allocate();

            assertThat(first.rtpPort()).isEqualTo(base + 4);
            assertThatThrownBy(ports::allocate).isInstanceOf(MediaPortsExhausted.class);
        }
    }

    @Test
    void refusesARangeWithoutAPair() {
        assertThatThrownBy(() -> new RtpPorts(LOOPBACK, 20001, 20002)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPorts(LOOPBACK, 80, 20002)).isInstanceOf(IllegalArgumentException.class);
    }
}
