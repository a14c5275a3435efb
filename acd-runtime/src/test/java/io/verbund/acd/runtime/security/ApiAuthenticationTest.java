package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiAuthenticationTest {

    @Test
    void healthIsOpenWhateverTheSlashes() {
        assertThat(ApiAuthentication.isOpen("health", "GET")).isTrue();
        assertThat(ApiAuthentication.isOpen("/health", "GET")).isTrue();
        assertThat(ApiAuthentication.isOpen("/health/", "GET")).isTrue();
    }

    @Test
    void onlyTheLoginItselfIsOpenOnTheSessionResource() {
        assertThat(ApiAuthentication.isOpen("/session", "POST")).isTrue();
        assertThat(ApiAuthentication.isOpen("/session", "GET")).isFalse();
        assertThat(ApiAuthentication.isOpen("/session", "DELETE")).isFalse();
    }

    @Test
    void everythingElseNeedsCredentials() {
        assertThat(ApiAuthentication.isOpen("/agents/1001/state", "GET")).isFalse();
        assertThat(ApiAuthentication.isOpen("/health/../agents/states", "GET")).isFalse();
        assertThat(ApiAuthentication.isOpen("/healthy", "GET")).isFalse();
        assertThat(ApiAuthentication.isOpen("/sessions", "POST")).isFalse();
        assertThat(ApiAuthentication.isOpen("", "GET")).isFalse();
        assertThat(ApiAuthentication.isOpen(null, "GET")).isFalse();
    }

    @Test
    void readsDoNotNeedTheCsrfTokenButChangesDo() {
        assertThat(ApiAuthentication.changes("GET")).isFalse();
        assertThat(ApiAuthentication.changes("head")).isFalse();
        assertThat(ApiAuthentication.changes("PUT")).isTrue();
        assertThat(ApiAuthentication.changes("POST")).isTrue();
        assertThat(ApiAuthentication.changes("DELETE")).isTrue();
        assertThat(ApiAuthentication.changes("PATCH")).isTrue();
    }
}
