package io.verbund.acd.portal.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptNameTest {

    @Test
    void acceptsNamesAsCallFlowsWriteThem() {
        assertThat(PromptName.valid("main-menu")).isTrue();
        assertThat(PromptName.valid("0800-info")).isTrue();
        assertThat(PromptName.valid("a".repeat(63))).isTrue();
        assertThat(new PromptName("main-menu").fileName()).isEqualTo("main-menu.wav");
    }

    @Test
    void refusesWhatNoCallFlowCouldName() {
        assertThat(PromptName.valid("Main-Menu")).isFalse();
        assertThat(PromptName.valid("-menu")).isFalse();
        assertThat(PromptName.valid("menu.wav")).isFalse();
        assertThat(PromptName.valid("../menu")).isFalse();
        assertThat(PromptName.valid("a".repeat(64))).isFalse();
        assertThat(PromptName.valid("")).isFalse();
        assertThat(PromptName.valid(null)).isFalse();
        assertThatThrownBy(() -> new PromptName("Nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyWavFilesWithAPromptNameAreTenantPrompts() {
        assertThat(PromptName.ofFile("jazz.wav")).contains(new PromptName("jazz"));
        assertThat(PromptName.ofFile("jazz.mp3")).isEmpty();
        assertThat(PromptName.ofFile("Jazz Hands.wav")).isEmpty();
    }

    @Test
    void knowsTheSystemPrompts() {
        assertThat(new PromptName("welcome").isSystemPrompt()).isTrue();
        assertThat(new PromptName("welcome-summer").isSystemPrompt()).isFalse();
    }
}
