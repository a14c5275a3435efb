package io.verbund.acd.portal.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.call.TransferTarget;
import org.junit.jupiter.api.Test;

class ConsultationRequestTest {

    @Test
    void exactlyOneTargetIsNamed() {
        assertThat(new ConsultationRequest("1002", null, null).isTarget()).isTrue();
        assertThat(new ConsultationRequest(null, null, "Sales").isTarget()).isTrue();
        assertThat(new ConsultationRequest("1002", "+4940123456", null).isTarget()).isFalse();
        assertThat(new ConsultationRequest(null, null, null).isTarget()).isFalse();
    }

    @Test
    void theTargetIsWhatWasNamed() {
        assertThat(new ConsultationRequest("1002", null, null).toTarget()).isEqualTo(TransferTarget.agent("1002"));
        assertThat(new ConsultationRequest(null, "+4940123456", null).toTarget()).isEqualTo(TransferTarget.number("+4940123456"));
        assertThat(new ConsultationRequest(null, null, "Sales").toTarget()).isEqualTo(TransferTarget.group("Sales"));
    }
}
