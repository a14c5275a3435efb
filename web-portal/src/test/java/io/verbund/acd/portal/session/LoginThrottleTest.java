package io.verbund.acd.portal.session;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.problem.TooManyRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesALoginAfterFiveFailuresUntilTheOldestLeavesTheWindow() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.PER_LOGIN; i++) {
            throttle.requireAllowed("admin@demo", "10.0.0." + i);
            throttle.failed("admin@demo", "10.0.0." + i);
            clock.now = clock.now.plusSeconds(10);
        }
        assertThatThrownBy(() -> throttle.requireAllowed("admin@demo", "10.0.0.99"))
                .isInstanceOf(TooManyRequests.class).hasMessageContaining("admin@demo");
        assertThatCode(() -> throttle.requireAllowed("agent1001@demo", "10.0.0.99")).doesNotThrowAnyException();

        clock.now = Instant.parse("2026-11-25T10:00:00Z").plus(LoginThrottle.WINDOW);
        assertThatCode(() -> throttle.requireAllowed("admin@demo", "10.0.0.99")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAddressThatTriesManyLogins() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.failed("user" + i + "@demo", "192.0.2.7");
        }
        assertThatThrownBy(() -> throttle.requireAllowed("someone@demo", "192.0.2.7")).isInstanceOf(TooManyRequests.class);
        assertThatCode(() -> throttle.requireAllowed("someone@demo", "192.0.2.8")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsItsLoginsFailures() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.PER_LOGIN; i++) {
            throttle.failed("admin@demo", "10.0.0.1");
        }
        throttle.succeeded("admin@demo");
        assertThatCode(() -> throttle.requireAllowed("admin@demo", "10.0.0.1")).doesNotThrowAnyException();
    }
}
