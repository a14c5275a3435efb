package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies haproxy = TrustedProxies.parse("10.0.0.5, 10.0.0.6,192.168.10.0/24");

    @Test
    void aForgedHeaderFromAnyoneElseIsIgnored() {
        assertThat(TrustedProxies.NONE.clientAddress("203.0.113.7", List.of("1.2.3.4"))).isEqualTo("203.0.113.7");
        assertThat(haproxy.clientAddress("203.0.113.7", List.of("10.0.0.5"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTheProxyTheRightmostUntrustedHopIsTheClient() {
        assertThat(haproxy.clientAddress("10.0.0.5", List.of("198.51.100.2"))).isEqualTo("198.51.100.2");
        // The client wrote "1.2.3.4" itself; haproxy appended the address it saw.
        assertThat(haproxy.clientAddress("10.0.0.6", List.of("1.2.3.4, 198.51.100.2"))).isEqualTo("198.51.100.2");
        assertThat(haproxy.clientAddress("192.168.10.77", List.of("1.2.3.4", "198.51.100.2, 10.0.0.5"))).isEqualTo("198.51.100.2");
    }

    @Test
    void withoutAUsableHeaderThePeerIsTheClient() {
        assertThat(haproxy.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        assertThat(haproxy.clientAddress("10.0.0.5", List.of("unknown"))).isEqualTo("10.0.0.5");
        assertThat(haproxy.clientAddress("10.0.0.5", List.of("evil.example.org"))).as("never resolved").isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6AddressesAndRanges() {
        TrustedProxies v6 = TrustedProxies.parse("2001:db8::/32");
        assertThat(v6.trusts("2001:db8:0:1::5")).isTrue();
        assertThat(v6.trusts("2001:db9::5")).isFalse();
        assertThat(v6.trusts("10.0.0.5")).isFalse();
        assertThat(v6.clientAddress("2001:db8::1", List.of("[2001:db9::7]"))).isEqualTo("2001:db9:0:0:0:0:0:7");
    }

    @Test
    void theSchemeIsTakenFromTheProxyOnly() {
        assertThat(haproxy.https("10.0.0.5", false, "https")).isTrue();
        assertThat(haproxy.https("203.0.113.7", false, "https")).isFalse();
        assertThat(haproxy.https("10.0.0.5", true, null)).isTrue();
        assertThat(haproxy.https("10.0.0.5", false, "http")).isFalse();
    }

    @Test
    void aWrongEntryIsNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5, haproxy.local")).hasMessageContaining("haproxy.local");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
    }
}
