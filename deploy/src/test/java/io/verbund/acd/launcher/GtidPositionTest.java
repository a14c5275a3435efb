package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GtidPositionTest {

    @Test
    void aDomainsSequenceIsItsOwnAndNotAPrefixMatch() {
        GtidPosition position = GtidPosition.parse("12-12-4, 2-2-87,1-1-5310");
        assertThat(position.sequenceOf(1)).hasValue(5310);
        assertThat(position.sequenceOf(2)).hasValue(87);
        assertThat(position.sequenceOf(3)).isEmpty();
    }

    @Test
    void withoutADomainKeepsTheOthersInMariaDbsNotation() {
        assertThat(GtidPosition.parse("1-1-5310,2-2-87").without(2)).hasToString("1-1-5310");
        assertThat(GtidPosition.parse("12-12-4,2-2-87").without(2)).as("domain 12 is not domain 2").hasToString("12-12-4");
        assertThat(GtidPosition.parse("2-2-87").without(2).isEmpty()).isTrue();
    }

    @Test
    void nothingIsTheEmptyPositionAndGarbageIsRefused() {
        assertThat(GtidPosition.parse(null).isEmpty()).isTrue();
        assertThat(GtidPosition.parse(" ").isEmpty()).isTrue();
        assertThatThrownBy(() -> GtidPosition.parse("1-1")).hasMessageContaining("1-1");
        assertThatThrownBy(() -> GtidPosition.parse("1-x-3")).hasMessageContaining("1-x-3");
    }
}
