package io.verbund.acd.runtime.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundCallAskedTest {

    private static final AgentKey A1001 = AgentKey.parse("demo/1001");

    @Test
    void travelsThroughTheCommandCacheUnchanged() {
        OutboundCallAsked asked = new OutboundCallAsked("out-7f3a", A1001, "+4940123456", Optional.of(12L), "api:admin@demo");

        assertThat(OutboundCallAsked.decode("out-7f3a", asked.encode())).isEqualTo(asked);
    }

    @Test
    void travelsWithoutAGroupToo() {
        OutboundCallAsked asked = new OutboundCallAsked("out-1", A1001, "+4940123456", Optional.empty(), "agent:1001");

        assertThat(OutboundCallAsked.decode("out-1", asked.encode()).group()).isEmpty();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> OutboundCallAsked.decode("out-1", "demo/1001|+49")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundCallAsked.decode("out-1", "demo/1001|+49|x|agent:1001")).hasMessageContaining("group");
    }
}
