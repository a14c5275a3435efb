package io.verbund.acd.portal.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.call.TransferTarget;
import org.junit.jupiter.api.Test;

class TransferRequestTest {

    @Test
    void namesExactlyOneTarget() {
        assertThat(new TransferRequest("1002", null, null).isTarget()).isTrue();
        assertThat(new TransferRequest(null, "+4940123456", null).isTarget()).isTrue();
        assertThat(new TransferRequest("1002", "+4940123456", null).isTarget()).isFalse();
        assertThat(new TransferRequest(null, null, null).isTarget()).isFalse();
        assertThat(new TransferRequest(null, null, "Sales").isTarget()).isTrue();
        assertThat(new TransferRequest("1002", null, "Sales").isTarget()).isFalse();
    }

    @Test
    void becomesTheTargetTheNodeRings() {
        assertThat(new TransferRequest("1002", null, null).toTarget()).isEqualTo(TransferTarget.agent("1002"));
        assertThat(new TransferRequest(null, "+4940123456", null).toTarget()).isEqualTo(TransferTarget.number("+4940123456"));
        assertThat(new TransferRequest(null, null, "Sales").toTarget()).isEqualTo(TransferTarget.group("Sales"));
    }
}
