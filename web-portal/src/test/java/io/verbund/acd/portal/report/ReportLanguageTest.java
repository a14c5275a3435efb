package io.verbund.acd.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportLanguageTest {

    @Test
    void theLanguageTheClientNamesWins() {
        assertThat(ReportLanguage.of("en", List.of(Locale.GERMANY))).isEqualTo("en");
    }

    @Test
    void aGermanBrowserGetsGerman() {
        assertThat(ReportLanguage.of(null, List.of(Locale.forLanguageTag("de-AT"), Locale.ENGLISH))).isEqualTo("de");
        assertThat(ReportLanguage.of(" ", List.of(Locale.GERMAN))).isEqualTo("de");
    }

    @Test
    void everyoneElseGetsEnglish() {
        assertThat(ReportLanguage.of(null, List.of(Locale.FRENCH, Locale.GERMAN))).isEqualTo("en");
        assertThat(ReportLanguage.of(null, List.of())).isEqualTo("en");
    }
}
