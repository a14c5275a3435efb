package io.verbund.acd.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Replay protection: a digest answer is accepted once, by its nonce count. */
class NonceUsesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final NonceUses uses = new NonceUses(Duration.ofMinutes(5));

    @Test
    void theSameNonceCountIsAcceptedOnceAHigherOneAgain() {
        assertThat(uses.firstUse("n1", 1, T0)).isTrue();
        assertThat(uses.firstUse("n1", 1, T0.plusSeconds(1))).as("the captured answer, replayed").isFalse();
        assertThat(uses.firstUse("n1", 2, T0.plusSeconds(2))).as("the phone's next answer on the nonce").isTrue();
        assertThat(uses.firstUse("n1", 1, T0.plusSeconds(3))).as("an older count").isFalse();
        assertThat(uses.firstUse("n2", 1, T0.plusSeconds(3))).as("another nonce").isTrue();
    }

    @Test
    void anAnswerWithoutNonceCountMakesItsNonceSingleUse() {
        assertThat(uses.firstUse("n1", -1, T0)).isTrue();
        assertThat(uses.firstUse("n1", -1, T0.plusSeconds(1))).isFalse();
        assertThat(uses.firstUse("n1", 5, T0.plusSeconds(1))).as("a count on a nonce used without one").isTrue();
    }

    @Test
    void usesAreForgottenOnceTheirNonceCannotBeFreshAnyMore() {
        uses.firstUse("n1", 1, T0);
        uses.firstUse("n2", 1, T0.plusSeconds(200));

        uses.firstUse("n3", 1, T0.plusSeconds(302));

        assertThat(uses.size()).as("n1 is older than a nonce's lifetime").isEqualTo(2);
    }
}
