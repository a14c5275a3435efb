package io.verbund.acd.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void acceptsTheRightPasswordAndRejectsAnother() {
        PasswordHash hash = PasswordHash.of("demo-1001".toCharArray(), 1000);

        assertThat(hash.matches("demo-1001".toCharArray())).isTrue();
        assertThat(hash.matches("demo-1002".toCharArray())).isFalse();
    }

    @Test
    void survivesTheRoundTripThroughItsStoredForm() {
        PasswordHash stored = PasswordHash.of("s3cret".toCharArray(), 1000);

        PasswordHash read = PasswordHash.parse(stored.encoded());

        assertThat(read.matches("s3cret".toCharArray())).isTrue();
        assertThat(stored.encoded()).startsWith("PBKDF2WithHmacSHA256:1000:");
    }

    @Test
    void saltsEveryHashDifferently() {
        assertThat(PasswordHash.of("same".toCharArray(), 1000).encoded())
                .isNotEqualTo(PasswordHash.of("same".toCharArray(), 1000).encoded());
    }

    @Test
    void refusesForeignFormats() {
        assertThatThrownBy(() -> PasswordHash.parse("$2a$10$abcdefghijklmnopqrstuv"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.parse("PBKDF2WithHmacSHA256:x:AAAA:AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheHash() {
        PasswordHash hash = PasswordHash.of("secret".toCharArray(), 1000);
        assertThat(hash.toString()).doesNotContain(hash.encoded().split(":")[3]);
    }
}
