package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsLoginAndPassword() {
        BasicCredentials credentials = BasicCredentials.parse(basic("agent1001@demo:demo-1001"));

        assertThat(credentials.login()).isEqualTo("agent1001@demo");
        assertThat(credentials.password()).isEqualTo("demo-1001");
    }

    @Test
    void thePasswordMayContainColonsAndNonAsciiCharacters() {
        BasicCredentials credentials = BasicCredentials.parse(basic("admin@demo:p:ä:ß"));

        assertThat(credentials.password()).isEqualTo("p:ä:ß");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(BasicCredentials.parse(basic("a:b").replace("Basic", "bAsIc")).login()).isEqualTo("a");
    }

    @Test
    void refusesMissingForeignOrMalformedCredentials() {
        assertThatThrownBy(() -> BasicCredentials.parse(null)).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> BasicCredentials.parse("  ")).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> BasicCredentials.parse("Bearer abc")).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> BasicCredentials.parse("Basic !!!")).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> BasicCredentials.parse(basic("no-colon"))).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> BasicCredentials.parse(basic(":password-only"))).isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void neverShowsThePassword() {
        assertThat(BasicCredentials.parse(basic("admin@demo:demo-admin")).toString())
                .contains("admin@demo").doesNotContain("demo-admin");
    }
}
