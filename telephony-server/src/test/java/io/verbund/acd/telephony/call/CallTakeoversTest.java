package io.verbund.acd.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.routing.QueueEntry;
import io.verbund.acd.tenant.TenantKey;
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
                "a1b2c3", 0, entry, "de", "queue-moh");

        assertThat(CallerDialog.decode(dialog.encode())).isEqualTo(dialog);
    }
}
