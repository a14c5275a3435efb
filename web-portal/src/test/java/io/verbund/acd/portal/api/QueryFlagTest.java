package io.verbund.acd.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.problem.MalformedRequest;
import org.junit.jupiter.api.Test;

class QueryFlagTest {

    @Test
    void readsTrueAndFalse() {
        assertThat(QueryFlag.parse("enabled", "true")).isTrue();
        assertThat(QueryFlag.parse("enabled", "false")).isFalse();
    }

    @Test
    void absentMeansNoFilter() {
        assertThat(QueryFlag.parse("enabled", null)).isNull();
        assertThat(QueryFlag.parse("enabled", "")).isNull();
    }

    @Test
    void refusesOtherWordsInsteadOfReadingThemAsFalse() {
        assertThatThrownBy(() -> QueryFlag.parse("enabled", "yes")).isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("enabled must be true or false");
        assertThatThrownBy(() -> QueryFlag.parse("enabled", "TRUE")).isInstanceOf(MalformedRequest.class);
    }
}
