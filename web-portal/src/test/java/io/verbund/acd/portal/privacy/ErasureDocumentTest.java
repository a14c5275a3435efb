package io.verbund.acd.portal.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErasureDocumentTest {

    @Test
    void theNumberIsMaskedButForItsLastTwoCharacters() {
        assertThat(ErasureDocument.masked("+4930123467")).isEqualTo("*********67");
        assertThat(ErasureDocument.masked("alice@example.org")).endsWith("rg").doesNotContain("alice");
    }

    @Test
    void aShortNumberShowsLessOrNothing() {
        assertThat(ErasureDocument.masked("1001")).isEqualTo("***1");
        assertThat(ErasureDocument.masked("123")).isEqualTo("***");
    }

    @Test
    void theRequestNeverPrintsTheNumber() {
        assertThat(new ErasureRequest("+4930123467").toString()).doesNotContain("4930123467");
    }
}
