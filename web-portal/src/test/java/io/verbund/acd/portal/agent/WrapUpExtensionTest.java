package io.verbund.acd.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.WrapUpExtensionRefused;
import io.verbund.acd.runtime.problem.Conflict;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How an extended wrap-up and a refused extension look to API clients. */
class WrapUpExtensionTest {

    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    private static AgentStatus wrappingUp(int wrapUpSeconds, int extensionSeconds) {
        return AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve("call-1", "node-a", T0).answer(T0)
                .endCall(wrapUpSeconds, extensionSeconds, T0.plusSeconds(60));
    }

    private static WrapUpNotExtended refusal(AgentStatus status, int seconds) {
        WrapUpExtensionRefused refused = catchThrowableOfType(WrapUpExtensionRefused.class,
                () -> status.extendWrapUp(Duration.ofSeconds(seconds), T0.plusSeconds(61)));
        return new WrapUpNotExtended(AGENT, refused);
    }

    @Test
    void theStateShowsTheWrapUpsEndAndWhatIsLeftToExtend() {
        AgentStatus extended = wrappingUp(5, 8).extendWrapUp(Duration.ofSeconds(3), T0.plusSeconds(61));

        AgentStateDocument document = AgentStateDocument.of(extended);

        assertThat(document.wrapUp()).isEqualTo(new AgentStateDocument.WrapUp(T0.plusSeconds(68), 8, 5));
        assertThat(AgentStateDocument.of(extended.goReady(T0.plusSeconds(62))).wrapUp()).as("not wrapping up").isNull();
    }

    @Test
    void eachRefusalIsAConflictOfItsOwnType() {
        WrapUpNotExtended usedUp = refusal(wrappingUp(5, 8).extendWrapUp(Duration.ofSeconds(6), T0.plusSeconds(61)), 3);
        WrapUpNotExtended notAllowed = refusal(wrappingUp(5, 0), 3);
        WrapUpNotExtended notInWrapUp = refusal(wrappingUp(5, 8).goReady(T0.plusSeconds(61)), 3);

        assertThat(usedUp).isInstanceOf(Conflict.class);
        assertThat(usedUp.type()).isEqualTo("urn:verbund-acd:problem:wrap-up-extension-used-up");
        assertThat(usedUp.detail()).isEqualTo("Agent 1001 may extend its wrap-up by 2 s more at most");
        assertThat(notAllowed.type()).isEqualTo("urn:verbund-acd:problem:wrap-up-extension-not-allowed");
        assertThat(notInWrapUp.type()).isEqualTo("urn:verbund-acd:problem:not-in-wrap-up");
        assertThat(notInWrapUp.detail()).isEqualTo("Agent 1001 is READY: there is no wrap-up to extend");
        assertThat(notInWrapUp.tenant()).contains(new TenantKey("demo"));
    }
}
