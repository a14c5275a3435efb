package io.verbund.acd.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransferNumbersTest {

    @Test
    void withoutPatternsNoExternalNumberButEveryAgent() {
        TransferNumbers none = TransferNumbers.parse(null);

        assertThat(none.allows("+4940123456")).isFalse();
        assertThat(none.allows(TransferTarget.number("+4940123456"))).isFalse();
        assertThat(none.allows(TransferTarget.agent("1002"))).isTrue();
        assertThat(none.stored()).isNull();
    }

    @Test
    void aPrefixPatternOpensItsRangeOnly() {
        TransferNumbers berlin = TransferNumbers.of(List.of("+4930*"));

        assertThat(berlin.allows("+4930123456")).isTrue();
        assertThat(berlin.allows("+4930")).isTrue();
        assertThat(berlin.allows("+4940123456")).isFalse();
        assertThat(berlin.allows("+900123456")).isFalse();
        assertThat(berlin.allows("+4930#123")).as("only digits after the prefix").isFalse();
    }

    @Test
    void xStandsForOneDigitAndAnExactNumberForItselfOnly() {
        TransferNumbers numbers = TransferNumbers.parse(" +49301234xxx   +4940123456 ");

        assertThat(numbers.allows("+49301234567")).isTrue();
        assertThat(numbers.allows("+4930123456")).as("one digit short").isFalse();
        assertThat(numbers.allows("+493012345678")).as("one digit more").isFalse();
        assertThat(numbers.allows("+4940123456")).isTrue();
        assertThat(numbers.allows("+49401234567")).isFalse();
        assertThat(numbers.stored()).isEqualTo("+49301234xxx +4940123456");
    }

    @Test
    void anythingButANumberPatternIsRefused() {
        assertThat(TransferNumbers.problem("+4930*")).isEmpty();
        assertThat(TransferNumbers.problem("4930*")).isPresent();
        assertThat(TransferNumbers.problem("*")).isPresent();
        assertThat(TransferNumbers.problem("+49*30")).isPresent();
        assertThat(TransferNumbers.problem("+49.*")).isPresent();
        assertThatThrownBy(() -> TransferNumbers.of(List.of("+4930*", "sip:evil"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sip:evil");
    }
}
