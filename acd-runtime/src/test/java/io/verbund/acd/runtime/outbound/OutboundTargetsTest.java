package io.verbund.acd.runtime.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundTargetsTest {

    private final OutboundTargets publicOnly = OutboundTargets.publicOnly();

    @Test
    void internalAndSpecialIpv4RangesAreRefused() throws Exception {
        for (String address : List.of("127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "239.255.255.250",
                "255.255.255.255", "198.18.0.1", "192.0.0.170")) {
            assertThat(publicOnly.refusal(InetAddress.getByName(address))).as(address).isPresent();
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        for (String address : List.of("93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "169.255.0.1", "2a00:1450:4001:80b::200e")) {
            assertThat(publicOnly.refusal(InetAddress.getByName(address))).as(address).isEmpty();
        }
    }

    @Test
    void internalIpv6RangesAndIpv4InIpv6FormsAreRefused() throws Exception {
        for (String address : List.of("::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
                "::ffff:a9fe:a9fe", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:0001::1", "2002:a9fe:a9fe::1")) {
            assertThat(publicOnly.refusal(InetAddress.getByName(address))).as(address).isPresent();
        }
        // Java turns the mapped form into an Inet4Address; built as IPv6 on purpose, it must still be caught.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        assertThat(publicOnly.refusal(Inet6Address.getByAddress("metadata", mapped, -1))).isPresent();
        assertThat(publicOnly.refusal(InetAddress.getByName("2002:5db8:d70e::1"))).as("6to4 of a public address").isEmpty();
    }

    @Test
    void theAllowListOpensExactlyItsRanges() throws Exception {
        OutboundTargets targets = OutboundTargets.parse(Optional.of(" 127.0.0.2 , 10.20.0.0/16,fd00::/8"));

        assertThat(targets.refusal(InetAddress.getByName("127.0.0.2"))).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
        assertThat(targets.refusal(InetAddress.getByName("10.20.255.1"))).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("10.21.0.1"))).isPresent();
        assertThat(targets.refusal(InetAddress.getByName("fd00::5"))).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("169.254.169.254"))).hasValueSatisfying(
                why -> assertThat(why).contains("169.254.169.254", OutboundTargets.PROPERTY));
    }

    @Test
    void anEntryWithAPortOpensItsAddressesOnThatPortOnly() throws Exception {
        OutboundTargets targets = OutboundTargets.parse(Optional.of("10.0.0.5:8080, [fd00::1]:443, 10.1.0.0/16:443, [fd10::/16]:80, 192.168.5.7"));

        assertThat(targets.refusal(InetAddress.getByName("10.0.0.5"), 8080)).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("10.0.0.5"), 8081)).hasValueSatisfying(
                why -> assertThat(why).contains("10.0.0.5", "other ports than 8081", OutboundTargets.PROPERTY));
        assertThat(targets.refusal(InetAddress.getByName("fd00::1"), 443)).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("fd00::1"), 80)).isPresent();
        assertThat(targets.refusal(InetAddress.getByName("10.1.200.3"), 443)).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("10.1.200.3"), 22)).isPresent();
        assertThat(targets.refusal(InetAddress.getByName("10.2.0.1"), 443)).as("outside the block").isPresent();
        assertThat(targets.refusal(InetAddress.getByName("fd10::7"), 80)).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("fd10::7"), 443)).isPresent();
        assertThat(targets.refusal(InetAddress.getByName("192.168.5.7"), 22)).as("no port: every port").isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("192.168.5.7"), 65_535)).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("93.184.215.14"), 22)).as("public: any port").isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("127.0.0.1"), 8080)).hasValueSatisfying(
                why -> assertThat(why).contains("inside the installation's own"));
        // Before the port is known (a name's addresses): open when some port is.
        assertThat(targets.refusal(InetAddress.getByName("10.0.0.5"))).isEmpty();
        assertThat(targets.refusal(InetAddress.getByName("10.0.0.6"))).isPresent();
        assertThat(targets).hasToString("allowed internal targets [10.0.0.5/32:8080, [fd00:0:0:0:0:0:0:1/128]:443, 10.1.0.0/16:443, "
                + "[fd10:0:0:0:0:0:0:0/16]:80, 192.168.5.7/32]");
    }

    @Test
    void aPortMustBeOneTo65535AndIPv6TakesItInBrackets() throws Exception {
        for (String wrong : List.of("10.0.0.5:0", "10.0.0.5:65536", "10.0.0.5:http", "10.0.0.5:", "[fd00::1]443", "[fd00::1",
                "[fd00::1]:x", "crm.internal:443")) {
            assertThatThrownBy(() -> OutboundTargets.parse(Optional.of(wrong))).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(OutboundTargets.parse(Optional.of("fd00::1")).refusal(InetAddress.getByName("fd00::1"), 443))
                .as("IPv6 without brackets: the address on every port").isEmpty();
    }

    @Test
    void theAllowListTakesAddressesNotNames() {
        assertThatThrownBy(() -> OutboundTargets.parse(Optional.of("crm.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundTargets.parse(Optional.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundTargets.parse(Optional.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(OutboundTargets.parse(Optional.of(" "))).hasToString("allowed internal targets []");
    }
}
