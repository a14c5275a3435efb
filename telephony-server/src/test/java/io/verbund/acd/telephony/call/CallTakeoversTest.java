package io.verbund.acd.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.telephony.media.SessionDescription.Origin;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallTakeoversTest {

    @Test
    void everySurvivorNamesTheSameTakerWhateverOrderItSeesTheMembersIn() {
        for (int i = 0; i < 200; i++) {
            String callId = "call-" + i + "@10.0.0.1";
            assertThat(CallTakeovers.takerOf(callId, List.of("node-b", "node-c", "node-d")))
                    .isEqualTo(CallTakeovers.takerOf(callId, List.of("node-d", "node-b", "node-c")))
                    .isEqualTo(CallTakeovers.takerOf(callId, Set.of("node-c", "node-d", "node-b")));
        }
    }

    @Test
    void theSurvivorsShareTheCallersOfTheDepartedNode() {
        Map<String, Long> taken = IntStream.range(0, 300).mapToObj(i -> CallTakeovers.takerOf("call-" + i + "@10.0.0.1",
                List.of("node-b", "node-c"))).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(taken).containsOnlyKeys("node-b", "node-c");
        assertThat(taken.values()).allSatisfy(count -> assertThat(count).isBetween(100L, 200L));
    }

    @Test
    void aCallerDialogKeepsEverythingThroughTheCache() {
        QueueEntry entry = new QueueEntry("c1@10.0.0.1", new TenantKey("demo"), 7, 5, Instant.parse("2026-12-06T10:00:01Z"), "node-a");
        CallerDialog dialog = new CallerDialog("c1@10.0.0.1", "node-a", new TenantKey("demo"), 3, "+4930500100", "+49301234567",
                Instant.parse("2026-12-06T10:00:00Z"), "INVITE sip:+4930500100@10.0.0.5 SIP/2.0\r\nCall-ID: c1@10.0.0.1\r\n\r\nv=0\r\n",
                "a1b2c3", 0, entry, "de", "queue-moh", new Origin("verbund", "4711", 2, "10.0.0.5"), null, List.of());

        assertThat(CallerDialog.decode(dialog.encode())).isEqualTo(dialog);
        assertThat(dialog.isTalking()).isFalse();
    }

    @Test
    void aWaitingCallersDialogKeepsTheInvitesOfThePhonesRingingForItThroughTheCache() {
        QueueEntry entry = new QueueEntry("c4@10.0.0.1", new TenantKey("demo"), 7, 5, Instant.parse("2026-12-06T10:00:01Z"), "node-a");
        List<String> ringing = List.of("INVITE sip:1001@10.0.0.9:5071 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-1\r\n\r\n",
                "INVITE sip:1002@10.0.0.8:5071 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-2\r\n\r\n");
        CallerDialog dialog = new CallerDialog("c4@10.0.0.1", "node-a", new TenantKey("demo"), 3, "+4930500100", "",
                Instant.parse("2026-12-06T10:00:00Z"), "INVITE sip:+4930500100@10.0.0.5 SIP/2.0\r\nCall-ID: c4@10.0.0.1\r\n\r\n",
                "a1b2c3", 0, entry, "en", "queue-moh", null, null, ringing);

        CallerDialog read = CallerDialog.decode(dialog.encode());

        assertThat(read).isEqualTo(dialog);
        assertThat(read.ringing()).containsExactlyElementsOf(ringing);
        assertThat(read.isTalking()).isFalse();
        String nothingRinging = new CallerDialog("c4@10.0.0.1", "node-a", new TenantKey("demo"), 3, "+4930500100", "",
                Instant.parse("2026-12-06T10:00:00Z"), "INVITE sip:+4930500100@10.0.0.5 SIP/2.0\r\n\r\n", "a1b2c3", 0, entry, "en",
                "queue-moh", null, null, null).encode();
        assertThat(nothingRinging).as("written only when a phone rings").doesNotContain("ringing");
        assertThat(CallerDialog.decode(nothingRinging).ringing()).isEmpty();
    }

    @Test
    void aTalkingCallersDialogKeepsItsAgentsLegThroughTheCache() {
        QueueEntry entry = new QueueEntry("c2@10.0.0.1", new TenantKey("demo"), 7, 5, Instant.parse("2026-12-06T10:00:01Z"), "node-a");
        AgentLegDialog agentLeg = new AgentLegDialog("1001", 42, Instant.parse("2026-12-06T10:00:09Z"), Instant.parse("2026-12-06T10:00:09Z"),
                "agent-leg-1@10.0.0.5", "INVITE sip:1001@10.0.0.9:5071 SIP/2.0\r\nCall-ID: agent-leg-1@10.0.0.5\r\n\r\n", "phone-tag-9",
                "sip:10.0.0.9:5071;transport=udp", List.of("<sip:10.0.0.2;lr;did=1>", "<sip:10.0.0.3;lr>"), 1,
                new Origin("verbund", "99", 1, "10.0.0.5"), 0, null, Duration.ZERO);
        CallerDialog dialog = new CallerDialog("c2@10.0.0.1", "node-a", new TenantKey("demo"), 3, "+4930500100", "",
                Instant.parse("2026-12-06T10:00:00Z"), "INVITE sip:+4930500100@10.0.0.5 SIP/2.0\r\nCall-ID: c2@10.0.0.1\r\n\r\n",
                "a1b2c3", 0, entry, "en", "queue-moh", null, agentLeg, List.of());

        CallerDialog read = CallerDialog.decode(dialog.encode());

        assertThat(read).isEqualTo(dialog);
        assertThat(read.isTalking()).isTrue();
        assertThat(read.agentLeg().routes()).containsExactly("<sip:10.0.0.2;lr;did=1>", "<sip:10.0.0.3;lr>");
        assertThat(read.agentLeg().origin().next()).isEqualTo(new Origin("verbund", "99", 2, "10.0.0.5"));
    }

    @Test
    void aHeldCallersDialogKeepsItsHoldThroughTheCacheAndOneWrittenWithoutHoldsReadsAsATalk() {
        QueueEntry entry = new QueueEntry("c3@10.0.0.1", new TenantKey("demo"), 7, 5, Instant.parse("2026-12-06T10:00:01Z"), "node-a");
        AgentLegDialog held = new AgentLegDialog("1001", 42, Instant.parse("2026-12-06T10:00:09Z"), Instant.parse("2026-12-06T10:00:09Z"),
                "agent-leg-3@10.0.0.5", "INVITE sip:1001@10.0.0.9:5071 SIP/2.0\r\nCall-ID: agent-leg-3@10.0.0.5\r\n\r\n", "phone-tag-9",
                "sip:10.0.0.9:5071;transport=udp", List.of(), 1, null, 0, Instant.parse("2026-12-06T10:01:00Z"), Duration.ofSeconds(12));
        CallerDialog dialog = new CallerDialog("c3@10.0.0.1", "node-a", new TenantKey("demo"), 3, "+4930500100", "",
                Instant.parse("2026-12-06T10:00:00Z"), "INVITE sip:+4930500100@10.0.0.5 SIP/2.0\r\nCall-ID: c3@10.0.0.1\r\n\r\n",
                "a1b2c3", 0, entry, "en", "queue-moh", null, held, List.of());

        CallerDialog read = CallerDialog.decode(dialog.encode());

        assertThat(read).isEqualTo(dialog);
        assertThat(read.agentLeg().heldSince()).as("on hold").isEqualTo(Instant.parse("2026-12-06T10:01:00Z"));
        assertThat(read.agentLeg().heldBefore()).isEqualTo(Duration.ofSeconds(12));

        // A node of the version before writes neither field: its calls read as talks without holds.
        String before = dialog.encode().replace("\"heldSince\":\"2026-12-06T10:01:00Z\",", "").replace(",\"heldBeforeMs\":12000", "");
        assertThat(before).doesNotContain("heldSince").doesNotContain("heldBeforeMs");
        AgentLegDialog older = CallerDialog.decode(before).agentLeg();
        assertThat(older.heldSince()).as("not on hold").isNull();
        assertThat(older.heldBefore()).isZero();
    }
}
