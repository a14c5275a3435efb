package io.verbund.acd.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The brute-force limits on REGISTER, on a clock of the test's own. */
class RegisterFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final RegisterFailures failures = new RegisterFailures(
            new RegisterFailures.Limits(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(5)));

    @Test
    void aUserNameIsLockedOutAfterItsLimitOfWrongAnswersForTheLockoutThenFree() {
        failures.failed("1001", "192.0.2.1", T0);
        failures.failed("1001", "192.0.2.2", T0.plusSeconds(1));
        assertThat(failures.lockedOut("1001", "192.0.2.3", T0.plusSeconds(2))).isEmpty();

        failures.failed("1001", "192.0.2.3", T0.plusSeconds(2));

        assertThat(failures.lockedOut("1001", "198.51.100.9", T0.plusSeconds(3)))
                .as("the name, from any address").hasValue(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(failures.lockedOut("1002", "198.51.100.9", T0.plusSeconds(3))).as("another name").isEmpty();
        assertThat(failures.lockedOut("1001", "198.51.100.9", T0.plusSeconds(2 + 300))).as("after the lockout").isEmpty();
    }

    @Test
    void aNameThatDoesNotExistIsCountedAndLockedTheSameWay() {
        for (int i = 0; i < 3; i++) {
            failures.failed("no-such-user", "192.0.2.1", T0.plusSeconds(i));
            failures.failed("1001", "192.0.2.2", T0.plusSeconds(i));
        }

        assertThat(failures.lockedOut("no-such-user", "203.0.113.1", T0.plusSeconds(10)))
                .isEqualTo(failures.lockedOut("1001", "203.0.113.1", T0.plusSeconds(10)))
                .isPresent();
    }

    @Test
    void anAddressIsLockedOutAfterItsLimitWhateverNamesItTries() {
        for (int i = 0; i < 5; i++) {
            failures.failed("guess-" + i, "192.0.2.66", T0.plusSeconds(i));
        }

        assertThat(failures.lockedOut("1001", "192.0.2.66", T0.plusSeconds(6))).as("a name it never tried").isPresent();
        assertThat(failures.lockedOut("1001", "192.0.2.67", T0.plusSeconds(6))).as("another address").isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        failures.failed("1001", "192.0.2.1", T0);
        failures.failed("1001", "192.0.2.1", T0.plusSeconds(60));
        failures.failed("1001", "192.0.2.1", T0.plusSeconds(60 + 601));

        assertThat(failures.lockedOut("1001", "192.0.2.1", T0.plusSeconds(60 + 602))).isEmpty();
    }
}
