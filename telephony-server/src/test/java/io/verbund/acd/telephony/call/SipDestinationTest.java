package io.verbund.acd.telephony.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.telephony.registrar.Binding;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import org.junit.jupiter.api.Test;

class SipDestinationTest {

    private static final AgentKey AGENT = AgentKey.parse("demo/1001");
    private static final Instant EXPIRES = Instant.parse("2026-12-06T08:00:00Z");
    private final AddressFactory addresses;

    SipDestinationTest() throws Exception {
        addresses = SipFactory.getInstance().createAddressFactory();
    }

    @Test
    void aDeskPhoneIsDialledAtItsContactOverItsTransport() throws ParseException {
        SipDestination udp = SipDestination.phone(new Binding(AGENT, "sip:1001@127.0.0.1:5071", EXPIRES), addresses);
        assertEquals("sip:1001@127.0.0.1:5071", udp.requestUri().toString());
        assertEquals(List.of(), udp.route());
        assertEquals("udp", udp.transport());
        assertFalse(udp.isSecure());
        SipDestination tls = SipDestination.phone(new Binding(AGENT, "sip:1001@127.0.0.1:5081;transport=TLS", EXPIRES), addresses);
        assertEquals("tls", tls.transport());
        assertTrue(tls.isSecure());
    }

    @Test
    void aBrowserPhoneIsReachedThroughItsPathOverTheFirstProxysTransport() throws ParseException {
        Binding browser = new Binding(AGENT, "sip:x7k2@abc.invalid;transport=ws",
                List.of("sip:127.0.0.1:5065;lr;received=sip:127.0.0.1:40123%3Btransport%3Dws"), EXPIRES);
        SipDestination destination = SipDestination.phone(browser, addresses);
        assertEquals("sip:x7k2@abc.invalid;transport=ws", destination.requestUri().toString());
        assertEquals(1, destination.route().size());
        assertEquals("127.0.0.1", destination.route().get(0).getHost());
        assertEquals(5065, destination.route().get(0).getPort());
        assertEquals("udp", destination.transport(), "the node never speaks WebSocket itself");
        assertFalse(destination.isSecure(), "keys would cross the proxy hop in clear");
    }

    @Test
    void aPathOverTlsIsSecure() throws ParseException {
        Binding browser = new Binding(AGENT, "sip:x7k2@abc.invalid;transport=ws", List.of("sip:10.0.0.9:5061;transport=tls;lr"), EXPIRES);
        assertTrue(SipDestination.phone(browser, addresses).isSecure());
    }

    @Test
    void aContactThatIsNotSipIsRefused() {
        assertThrows(ParseException.class, () -> SipDestination.phone(new Binding(AGENT, "tel:+4930123", EXPIRES), addresses));
    }
}
