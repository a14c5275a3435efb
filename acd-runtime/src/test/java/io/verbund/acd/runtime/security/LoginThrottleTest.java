package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.runtime.problem.TooManyRequests;
import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginSettings SETTINGS = new LoginSettings(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10));
    private static final Caller ADMIN = new Caller(new UserId(1), "admin@demo", new TenantKey("demo"), new TenantId(1),
            Set.of(Role.TENANT_ADMIN), Optional.empty());

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final MapFailures store = new MapFailures();
    private final List<LoginLockedOut> lockouts = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(store, SETTINGS, clock, lockouts::add);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void locksAnAccountOutWithoutCheckingThePasswordAndOpensItAfterTheLockout() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        }
        assertThat(checks).hasValue(3);
        assertThat(lockouts).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(LoginLockedOut.Kind.ACCOUNT);
            assertThat(event.subject()).isEqualTo("admin@demo");
            assertThat(event.source()).isEqualTo("10.0.0.1");
            assertThat(event.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        });

        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> throttle.attempt("ADMIN@demo", "10.0.0.2", right()))
                .isInstanceOfSatisfying(TooManyRequests.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(6)));
        assertThat(checks).as("no password check while locked out").hasValue(3);

        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.attempt("admin@demo", "10.0.0.2", right())).isEqualTo(ADMIN);
    }

    @Test
    void aSuccessClearsTheAccountsCount() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        }
        throttle.attempt("admin@demo", "10.0.0.1", right());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        }
        assertThat(throttle.attempt("admin@demo", "10.0.0.1", right())).isEqualTo(ADMIN);
        assertThat(lockouts).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        }
        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        assertThat(throttle.attempt("admin@demo", "10.0.0.1", right())).isEqualTo(ADMIN);
    }

    @Test
    void locksAnAddressOutThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            String login = "user" + i + "@demo";
            assertThatThrownBy(() -> throttle.attempt(login, "10.0.0.9", wrong())).isInstanceOf(NotAuthenticated.class);
        }
        assertThat(lockouts).singleElement().extracting(LoginLockedOut::kind).isEqualTo(LoginLockedOut.Kind.SOURCE);
        assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.9", right()))
                .isInstanceOf(TooManyRequests.class).hasMessageContaining("your address");
        assertThat(throttle.attempt("admin@demo", "10.0.0.10", right())).as("another address").isEqualTo(ADMIN);
    }

    @Test
    void countsAFailureEvenWhenAnotherNodeWroteTheCountMeanwhile() {
        assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        store.interfereOnce = true;
        assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        assertThat(lockouts).as("1 + another node's + this one = 3 failures").extracting(LoginLockedOut::kind)
                .containsExactly(LoginLockedOut.Kind.ACCOUNT);
    }

    @Test
    void settingsComeFromPropertiesWithDocumentedDefaults() {
        assertThat(LoginSettings.from(name -> null)).isEqualTo(LoginSettings.DEFAULTS);
        assertThat(LoginSettings.DEFAULTS.accountFailures()).isEqualTo(10);
        assertThat(LoginSettings.DEFAULTS.sourceFailures()).isEqualTo(30);
        LoginSettings set = LoginSettings.from(Map.of(LoginSettings.ACCOUNT_FAILURES, "4", LoginSettings.LOCKOUT, "PT5S")::get);
        assertThat(set.accountFailures()).isEqualTo(4);
        assertThat(set.lockout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.window()).isEqualTo(Duration.ofMinutes(15));
    }

    private Supplier<Caller> wrong() {
        return () -> {
            checks.incrementAndGet();
            throw new NotAuthenticated("wrong");
        };
    }

    private Supplier<Caller> right() {
        return () -> {
            checks.incrementAndGet();
            return ADMIN;
        };
    }

    /** Like the replicated cache: conditional writes; can simulate another node's write in between. */
    private static final class MapFailures implements LoginFailures {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        boolean interfereOnce;

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration lifespan) {
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        public boolean replace(String key, String expected, String value, Duration lifespan) {
            if (interfereOnce) {
                interfereOnce = false;
                String[] parts = expected.split("\\|");
                entries.put(key, (Integer.parseInt(parts[0]) + 1) + "|" + parts[1] + "|" + parts[2]);
            }
            return entries.replace(key, expected, value);
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }
    }
}
