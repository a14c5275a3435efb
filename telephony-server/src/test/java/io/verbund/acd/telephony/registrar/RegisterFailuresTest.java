package io.verbund.acd.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.runtime.security.LoginFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The brute-force limits on REGISTER, on a clock of the test's own. */
class RegisterFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final RegisterFailures.Limits LIMITS = new RegisterFailures.Limits(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(5));
    /** Stands for the replicated cache every node of the cluster shares. */
    private final SharedStore cluster = new SharedStore();
    private final RegisterFailures failures = new RegisterFailures(LIMITS, cluster);

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

    @Test
    void guessesSpreadOverTheNodesAddUpAndLockOnEveryNode() {
        RegisterFailures nodeB = new RegisterFailures(LIMITS, cluster);
        failures.failed("1001", "192.0.2.1", T0);
        nodeB.failed("1001", "192.0.2.2", T0.plusSeconds(1));
        assertThat(nodeB.lockedOut("1001", "192.0.2.3", T0.plusSeconds(2))).isEmpty();

        failures.failed("1001", "192.0.2.3", T0.plusSeconds(2));

        assertThat(nodeB.lockedOut("1001", "198.51.100.9", T0.plusSeconds(3))).as("locked on the other node too").isPresent();
        assertThat(failures.lockedOut("1001", "198.51.100.9", T0.plusSeconds(3))).isPresent();
    }

    @Test
    void onlyFailuresWrite() {
        for (int i = 0; i < 20; i++) {
            assertThat(failures.lockedOut("1001", "192.0.2.1", T0.plusSeconds(i))).isEmpty();
        }
        assertThat(cluster.writes).as("a REGISTER that is not refused only reads").hasValue(0);
        failures.failed("1001", "192.0.2.1", T0);
        assertThat(cluster.writes).as("the name and the address").hasValue(2);
    }

    /** A map with the replicated cache's conditional writes, counting the writes. */
    private static final class SharedStore implements LoginFailures {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration lifespan) {
            writes.incrementAndGet();
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        public boolean replace(String key, String expected, String value, Duration lifespan) {
            writes.incrementAndGet();
            return entries.replace(key, expected, value);
        }

        @Override
        public void remove(String key) {
            writes.incrementAndGet();
            entries.remove(key);
        }
    }
}
