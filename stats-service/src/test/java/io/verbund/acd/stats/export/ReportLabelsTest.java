package io.verbund.acd.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class ReportLabelsTest {

    @Test
    void readsGermanLabelsAsUtf8() {
        ReportLabels german = ReportLabels.of(Locale.GERMANY);

        assertThat(german.label("longestWaitSeconds")).isEqualTo("Längste Wartezeit");
        assertThat(german.label("callbacks")).isEqualTo("Rückrufe");
        assertThat(german.text("total")).isEqualTo("Summe");
        assertThat(german.text("title.calls.group")).isEqualTo("Anrufe nach Gruppe");
        assertThat(german.text("none")).isEqualTo("–");
    }

    @Test
    void answersEnglishForEveryOtherLocale() {
        assertThat(ReportLabels.of(Locale.FRENCH).label("offered")).isEqualTo("Offered");
        assertThat(ReportLabels.of(Locale.ENGLISH).text("page")).isEqualTo("Page {0} of {1}");
        assertThat(ReportLabels.of(Locale.ENGLISH).text("none")).isEqualTo("–");
    }

    @Test
    void answersEnglishEvenWhenTheServerDefaultIsGerman() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(ReportLabels.of(Locale.ENGLISH).label("abandoned")).isEqualTo("Abandoned");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void fallsBackToTheKeyForAnUnknownKey() {
        assertThat(ReportLabels.of(Locale.GERMAN).label("somethingNew")).isEqualTo("somethingNew");
        assertThat(ReportLabels.of(Locale.ENGLISH).text("title.unknown")).isEqualTo("title.unknown");
    }

    @Test
    void hasAGermanLabelForEveryEnglishOne() {
        ResourceBundle english = ResourceBundle.getBundle("io.verbund.acd.stats.export.reports", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ReportLabels german = ReportLabels.of(Locale.GERMAN);
        for (String key : english.keySet()) {
            assertThat(german.text(key)).as(key).isNotEqualTo(key);
        }
    }
}
