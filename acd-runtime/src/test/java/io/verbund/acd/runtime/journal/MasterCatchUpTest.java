package io.verbund.acd.runtime.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasterCatchUpTest {

    @Test
    void thePositionToWaitForLeavesOutTheServersOwnDomain() {
        assertThat(MasterCatchUp.withoutDomain("1-1-5310,2-2-87", "2")).isEqualTo("1-1-5310");
        assertThat(MasterCatchUp.withoutDomain("2-2-87, 1-1-5310", "2")).isEqualTo("1-1-5310");
        assertThat(MasterCatchUp.withoutDomain("12-12-4,2-2-87", "2")).as("domain 12 is not domain 2").isEqualTo("12-12-4");
    }

    @Test
    void nothingReceivedFromOthersIsNothingToWaitFor() {
        assertThat(MasterCatchUp.withoutDomain("2-2-87", "2")).isEmpty();
        assertThat(MasterCatchUp.withoutDomain("", "2")).isEmpty();
        assertThat(MasterCatchUp.withoutDomain(null, "2")).isEmpty();
    }
}
