package io.verbund.acd.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class WordedMessagesTest {

    /** Stands in for the provider's interpolator: shows what it was handed, in which language. */
    private static final MessageInterpolator STANDARD = new MessageInterpolator() {
        @Override
        public String interpolate(String template, Context context) {
            return interpolate(template, context, Locale.ROOT);
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return locale.getLanguage() + ":" + template;
        }
    };

    @Test
    void thePortalsOwnMessagesAreWordedInTheRequestsLanguage() {
        assertThat(new WordedMessages(STANDARD, Locale.GERMAN).interpolate("{verbund.locale}", null)).isEqualTo("de:muss de oder en sein");
        assertThat(new WordedMessages(STANDARD, Locale.ENGLISH).interpolate("{verbund.locale}", null)).isEqualTo("en:must be de or en");
    }

    @Test
    void theStandardConstraintsAreLeftToTheProviderInThatLanguage() {
        assertThat(new WordedMessages(STANDARD, Locale.GERMAN).interpolate("{jakarta.validation.constraints.NotBlank.message}", null))
                .isEqualTo("de:{jakarta.validation.constraints.NotBlank.message}");
    }

    @Test
    void everyTextHasAGermanOne() {
        ResourceBundle english = ResourceBundle.getBundle("io.verbund.acd.portal.api.PortalWords", Locale.ROOT);
        ResourceBundle german = ResourceBundle.getBundle("io.verbund.acd.portal.api.PortalWords", Locale.GERMAN);
        assertThat(german.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        for (String key : english.keySet()) {
            if (!key.startsWith("verbund.")) {
                // Both are MessageFormat patterns with the same arguments, or a German text would drop a name or a number.
                assertThat(new java.text.MessageFormat(german.getString(key)).getFormats()).as(key)
                        .hasSameSizeAs(new java.text.MessageFormat(english.getString(key)).getFormats());
                assertThat(PortalWords.WORDS.text(Locale.GERMAN, key, "X", "Y")).as(key).doesNotContain("{");
            }
        }
        assertThat(PortalWords.WORDS.text(Locale.GERMAN, "group.name-taken", "Support")).isEqualTo("der Mandant hat schon eine ACD-Gruppe namens 'Support'");
        assertThat(PortalWords.WORDS.text(Locale.ENGLISH, "group.name-taken", "Support")).isEqualTo("the tenant already has an ACD group named 'Support'");
    }
}
