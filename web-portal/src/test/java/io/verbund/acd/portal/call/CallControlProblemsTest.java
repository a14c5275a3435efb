package io.verbund.acd.portal.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.runtime.callcontrol.ConsultationAsked;
import io.verbund.acd.runtime.problem.ApiProblem;
import io.verbund.acd.tenant.TenantKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refusal of the call control is worded (its key exists for each variant) and names the call or agent. */
class CallControlProblemsTest {

    private static final TenantKey DEMO = new TenantKey("demo");

    @Test
    void everyCallControlRefusalIsWordedAndNamesTheCall() {
        List<ApiProblem> problems = new ArrayList<>(List.of(new CallEnded("c-17", DEMO), CallOnHold.already("c-17", "transfer", DEMO),
                CallOnHold.already("c-17", "hold", DEMO), CallOnHold.not("c-17", DEMO), NoConsultation.already("c-17", DEMO),
                NoConsultation.inConference("c-17", DEMO), new UnknownCall("c-17", DEMO)));
        for (String state : List.of("agent", "answer", "supervised")) {
            problems.add(new CallNotConnected("c-17", state, DEMO));
        }
        for (ConsultationAsked.Kind kind : ConsultationAsked.Kind.values()) {
            if (kind != ConsultationAsked.Kind.START) {
                problems.add(NoConsultation.none("c-17", kind.name(), DEMO));
            }
        }
        assertThat(problems).allSatisfy(problem -> assertThat(problem.detail()).contains("'c-17'").doesNotContain("call.", "{"));

        assertThat(new AgentCannotDial("1001", "call.dial.not-ready", "PAUSED", DEMO).detail())
                .isEqualTo("Agent '1001' is PAUSED, not READY: only a ready agent places calls");
        assertThat(new AgentCannotDial("1001", "call.dial.no-caller-id", null, DEMO).detail()).startsWith("Agent '1001' cannot call out");
    }
}
