package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSecretTest {

    @Test
    void matchesOnlyTheConfiguredSecret() {
        ServiceSecret secret = new ServiceSecret(Optional.of("s3cret-of-the-cluster-0123456789"));
        assertThat(secret.matches("s3cret-of-the-cluster-0123456789")).isTrue();
        assertThat(secret.matches("s3cret-of-the-cluster-012345678")).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void withoutASecretOrWithATooShortOneNothingMatches() {
        assertThat(new ServiceSecret(Optional.empty()).matches("")).isFalse();
        ServiceSecret tooShort = new ServiceSecret(Optional.of("short"));
        assertThat(tooShort.configured()).isFalse();
        assertThat(tooShort.matches("short")).isFalse();
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(new ServiceSecret(Optional.of("s3cret-of-the-cluster-0123456789")).toString()).doesNotContain("s3cret");
    }

    @Test
    void recognisesItsSchemeInAnyCase() {
        assertThat(ServiceSecret.isServiceHeader("Verbund-Service abc")).isTrue();
        assertThat(ServiceSecret.isServiceHeader("verbund-service abc")).isTrue();
        assertThat(ServiceSecret.isServiceHeader("Bearer vbd_x")).isFalse();
        assertThat(ServiceSecret.credentialOf(" Verbund-Service  abc ")).isEqualTo("abc");
    }
}
