package io.verbund.acd.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransferTargetTest {

    @Test
    void aTargetSurvivesTheWayThroughTheCommandCache() {
        assertThat(TransferTarget.parse(TransferTarget.agent("1002").toString())).isEqualTo(TransferTarget.agent("1002"));
        assertThat(TransferTarget.parse(TransferTarget.number("+4940123456").toString())).isEqualTo(TransferTarget.number("+4940123456"));
        assertThat(TransferTarget.number("+4940123456").toString()).isEqualTo("number:+4940123456");
        assertThat(TransferTarget.parse("group:First level")).isEqualTo(TransferTarget.group("First level"));
        assertThat(TransferTarget.group("Support").toString()).isEqualTo("group:Support");
    }

    @Test
    void aTargetThatWouldBreakTheCommandIsRefused() {
        assertThatThrownBy(() -> TransferTarget.agent("10|02")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferTarget.number(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferTarget.parse("queue:Support")).isInstanceOf(IllegalArgumentException.class);
    }
}
