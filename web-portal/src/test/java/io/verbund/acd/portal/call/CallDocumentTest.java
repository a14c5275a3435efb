package io.verbund.acd.portal.call;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallDocumentTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final List<CallDocument.Step> steps = new ArrayList<>();

    private CallDocumentTest step(String kind, JsonObject data) {
        steps.add(new CallDocument.Step(steps.size() + 1, T0.plusSeconds(steps.size()), kind, null, null, null, data));
        return this;
    }

    private CallDocument document() {
        return CallDocument.withHoldOf(new CallDocument("c1", "+4930111", "+4930500100", "Support", T0, T0, T0, T0, null, null,
                "1001", null, "node-1", null, false, false, "INBOUND", null, List.copyOf(steps), null, null, null, null));
    }

    @Test
    void aConsultationMadeAConferenceIsOffHoldWithItsThirdPartyUntilItLeaves() {
        step("CallAnswered", null).step("ConsultationStarted", null).step("ConsultationAnswered", null);
        assertThat(document().onHold()).isTrue();
        assertThat(document().conference()).isNull();

        step("PartyJoined", Json.createObjectBuilder().add("party", "agent:1006").add("via", "consultation").build());

        assertThat(document().onHold()).as("the caller hears everyone now").isFalse();
        assertThat(document().consultation()).isNull();
        assertThat(document().conference()).isEqualTo("agent:1006");

        step("PartyLeft", Json.createObjectBuilder().add("party", "agent:1001").build())
                .step("Transferred", Json.createObjectBuilder().add("from", "agent:1001").build());
        assertThat(document().conference()).as("the agent left the other two talking").isNull();
    }

    @Test
    void aListOfCallsSaysNothingAboutAConference() {
        CallDocument listed = CallDocument.withHoldOf(new CallDocument("c1", "+4930111", "+4930500100", "Support", T0, T0, T0, T0, null,
                null, "1001", null, "node-1", null, false, false, "INBOUND", null, null, null, null, null, null));
        assertThat(listed.conference()).isNull();
        assertThat(listed.onHold()).isNull();
    }
}
