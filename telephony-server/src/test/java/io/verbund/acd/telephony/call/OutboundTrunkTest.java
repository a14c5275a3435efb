package io.verbund.acd.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.Test;

class OutboundTrunkTest {

    @Test
    void readsHostPortAndTransportOfTheTrunk() {
        assertThat(OutboundTrunk.parse("sip:127.0.0.1:5090")).isEqualTo(new OutboundTrunk.Address("127.0.0.1", 5090, "udp"));
        assertThat(OutboundTrunk.parse(" sip:trunk.example.net ")).isEqualTo(new OutboundTrunk.Address("trunk.example.net", 5060, "udp"));
        assertThat(OutboundTrunk.parse("sip:[2001:db8::1]:5070;transport=TCP")).isEqualTo(new OutboundTrunk.Address("[2001:db8::1]", 5070, "tcp"));
    }

    @Test
    void refusesWhatIsNoSipAddressNamingTheSetting() {
        assertThatThrownBy(() -> OutboundTrunk.parse("http://127.0.0.1:5090")).hasMessageContaining("verbund.trunk.outbound");
        assertThatThrownBy(() -> OutboundTrunk.parse("sip:127.0.0.1:70000")).hasMessageContaining("70000");
        assertThatThrownBy(() -> new OutboundTrunk(Optional.of("sip:127.0.0.1"), 0)).hasMessageContaining("ring-timeout-seconds");
    }

    @Test
    void noSettingMeansNoTrunk() {
        assertThat(new OutboundTrunk(Optional.empty(), 30).address()).isEmpty();
        assertThat(new OutboundTrunk(Optional.of(" "), 30).address()).isEmpty();
        assertThat(new OutboundTrunk(Optional.of("sip:127.0.0.1:5090"), 30).ringTimeout()).hasSeconds(30);
    }

    @Test
    void onlyE164NumbersGoToTheTrunk() {
        assertThat(OutboundTrunk.isE164("+4940123456")).isTrue();
        assertThat(OutboundTrunk.isE164("040123456")).isFalse();
        assertThat(OutboundTrunk.isE164("+0401")).isFalse();
        assertThat(OutboundTrunk.isE164("+49401234567890123")).isFalse();
        assertThat(OutboundTrunk.isE164("+49@evil")).isFalse();
        assertThat(OutboundTrunk.isE164(null)).isFalse();
    }

    @Test
    void addressesANumberAtTheTrunkWithItsPortAndTransport() throws Exception {
        AddressFactory addresses = SipFactory.getInstance().createAddressFactory();

        SipURI udp = new OutboundTrunk(Optional.of("sip:127.0.0.1:5090"), 30).uriOf("+4940123456", addresses);
        SipURI tcp = new OutboundTrunk(Optional.of("sip:trunk.example.net;transport=tcp"), 30).uriOf("+4940123456", addresses);

        assertThat(udp.toString()).isEqualTo("sip:+4940123456@127.0.0.1:5090");
        assertThat(tcp.toString()).isEqualTo("sip:+4940123456@trunk.example.net:5060;transport=tcp");
        assertThatThrownBy(() -> new OutboundTrunk(Optional.empty(), 30).uriOf("+4940123456", addresses))
                .hasMessageContaining("verbund.trunk.outbound");
    }
}
