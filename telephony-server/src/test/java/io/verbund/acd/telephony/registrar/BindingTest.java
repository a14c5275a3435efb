package io.verbund.acd.telephony.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.verbund.acd.agent.AgentKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingTest {

    private static final AgentKey AGENT = AgentKey.parse("demo/1001");
    private static final Instant EXPIRES = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void aDirectPhoneIsStoredInTheFormatThePreviousReleaseReads() {
        Binding phone = new Binding(AGENT, "sip:1001@127.0.0.1:5071", EXPIRES);
        String encoded = phone.encode();
        assertEquals("v1|demo/1001|sip:1001@127.0.0.1:5071|" + EXPIRES.toEpochMilli(), encoded);
        assertEquals(phone, Binding.decode(encoded));
    }

    @Test
    void aBrowserPhoneKeepsItsPathInOrder() {
        List<String> path = List.of("sip:127.0.0.1:5065;lr;received=sip:127.0.0.1:40123%3Btransport%3Dws", "sip:10.0.0.1;lr");
        Binding phone = new Binding(AGENT, "sip:x7k2@abc.invalid;transport=ws", path, EXPIRES);
        String encoded = phone.encode();
        assertTrue(encoded.startsWith("v2|"), encoded);
        Binding decoded = Binding.decode(encoded);
        assertEquals(phone, decoded);
        assertEquals(path, decoded.path());
    }

    @Test
    void somethingElseInTheCacheIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Binding.decode("v2|demo/1001|sip:a@b|1|"));
        assertThrows(IllegalArgumentException.class, () -> Binding.decode("v3|demo/1001|sip:a@b|1"));
    }
}
