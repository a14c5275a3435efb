package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasicAuthenticationTest {

    @Test
    void healthIsOpenWhicheverWayThePathIsWritten() {
        assertThat(BasicAuthentication.isOpen("health")).isTrue();
        assertThat(BasicAuthentication.isOpen("/health")).isTrue();
        assertThat(BasicAuthentication.isOpen("/health/")).isTrue();
    }

    @Test
    void everythingElseNeedsACaller() {
        assertThat(BasicAuthentication.isOpen("/agents/1001/state")).isFalse();
        assertThat(BasicAuthentication.isOpen("/health/../agents/states")).isFalse();
        assertThat(BasicAuthentication.isOpen("/healthy")).isFalse();
        assertThat(BasicAuthentication.isOpen("")).isFalse();
        assertThat(BasicAuthentication.isOpen(null)).isFalse();
    }
}
