package io.verbund.acd.runtime.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.call.TransferTarget;
import org.junit.jupiter.api.Test;

class ConsultationAskedTest {

    @Test
    void aStepSurvivesTheWayThroughTheCommandCache() {
        ConsultationAsked start = new ConsultationAsked("c-1", ConsultationAsked.Kind.START, TransferTarget.agent("1002"), "agent1001@demo");
        ConsultationAsked swap = new ConsultationAsked("c-1", ConsultationAsked.Kind.SWAP, null, "agent1001@demo");

        assertThat(ConsultationAsked.decode("c-1", start.encode())).isEqualTo(start);
        assertThat(ConsultationAsked.decode("c-1", swap.encode())).isEqualTo(swap);
    }

    @Test
    void onlyTheStartNamesATargetAndNonsenseIsRefused() {
        assertThatThrownBy(() -> new ConsultationAsked("c-1", ConsultationAsked.Kind.START, null, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsultationAsked("c-1", ConsultationAsked.Kind.RETURN, TransferTarget.agent("1002"), "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsultationAsked.decode("c-1", "LEAVE||a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsultationAsked.decode("c-1", "START")).isInstanceOf(IllegalArgumentException.class);
    }
}
