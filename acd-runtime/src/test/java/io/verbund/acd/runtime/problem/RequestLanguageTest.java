package io.verbund.acd.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestLanguageTest {

    @AfterEach
    void noLanguageLeftOnTheThread() {
        RequestLanguage.use(null);
    }

    @Test
    void aClientPreferringGermanGetsGerman() {
        assertThat(RequestLanguage.of("de")).isEqualTo(Locale.GERMAN);
        assertThat(RequestLanguage.of("de-DE,de;q=0.9,en;q=0.8")).isEqualTo(Locale.GERMAN);
        assertThat(RequestLanguage.of("fr-FR, de;q=0.7, en;q=0.5")).as("the first language the API speaks").isEqualTo(Locale.GERMAN);
    }

    @Test
    void everyoneElseGetsEnglish() {
        assertThat(RequestLanguage.of(null)).isEqualTo(Locale.ENGLISH);
        assertThat(RequestLanguage.of("")).isEqualTo(Locale.ENGLISH);
        assertThat(RequestLanguage.of("en-US,en;q=0.9,de;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(RequestLanguage.of("de;q=0.2, en;q=0.9")).as("weights, not the order, decide").isEqualTo(Locale.ENGLISH);
        assertThat(RequestLanguage.of("fr")).isEqualTo(Locale.ENGLISH);
        assertThat(RequestLanguage.of("de;q=0")).as("de refused").isEqualTo(Locale.ENGLISH);
        assertThat(RequestLanguage.of(";;;not a header")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void problemTitlesAndDetailsFollowTheRequestsLanguage() {
        assertThat(ProblemResponses.detail("json-syntax-at", "1", "5")).isEqualTo("The request body is not valid JSON (line 1, column 5)");
        RequestLanguage.use(Locale.GERMAN);
        assertThat(ProblemResponses.detail("json-syntax-at", "1", "5")).isEqualTo("Der Inhalt der Anfrage ist kein gültiges JSON (Zeile 1, Spalte 5)");
        assertThat(ProblemResponses.title(new Problem(ApiProblem.TYPE_PREFIX + "invalid-fields", "Invalid fields", 422,
                "name: x", "/api/v1/groups", null))).isEqualTo("Ungültige Felder");
        assertThat(ProblemResponses.title(new Problem(Problem.ABOUT_BLANK, "Not Found", 404, "", null, null)))
                .as("no German title for HTTP's own statuses: the status's reason phrase").isEqualTo("Not Found");
        assertThat(ProblemResponses.title(new Problem(ApiProblem.TYPE_PREFIX + "something-new", "Something new", 409, "", null, null)))
                .as("a type without words: its English title").isEqualTo("Something new");
    }

    @Test
    void everyGermanTextHasItsEnglishOneAndTheSameArguments() {
        Wording words = ProblemResponses.WORDS;
        java.util.ResourceBundle english = java.util.ResourceBundle.getBundle("io.verbund.acd.runtime.problem.ProblemWords", Locale.ROOT);
        java.util.ResourceBundle german = java.util.ResourceBundle.getBundle("io.verbund.acd.runtime.problem.ProblemWords", Locale.GERMAN);
        assertThat(german.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        for (String key : english.keySet()) {
            assertThat(words.find(Locale.GERMAN, key)).isPresent();
            assertThat(arguments(german.getString(key))).as(key).isEqualTo(arguments(english.getString(key)));
        }
    }

    private static java.util.List<String> arguments(String text) {
        return java.util.regex.Pattern.compile("\\{\\d}").matcher(text).results().map(java.util.regex.MatchResult::group).sorted().toList();
    }
}
