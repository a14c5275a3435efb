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

    private static final LoginSettings SETTINGS = new LoginSettings(3, 6, 5, Duration.ofMinutes(15), Duration.ofMinutes(10),
            Duration.ofDays(30));
    private static final Caller ADMIN = new Caller(new UserId(1), "admin@demo", new TenantKey("demo"), new TenantId(1),
            Set.of(Role.TENANT_ADMIN), Optional.empty());

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final MapFailures store = new MapFailures();
    private final List<LoginLockedOut> lockouts = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(store, SETTINGS, clock, lockouts::add);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void locksAnAccountOutForTheGuessingAddressWithoutCheckingThePasswordAndOpensItAfterTheLockout() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).isInstanceOf(NotAuthenticated.class);
        }
        assertThat(checks).hasValue(3);
        assertThat(lockouts).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(LoginLockedOut.Kind.ACCOUNT_FROM_SOURCE);
            assertThat(event.subject()).isEqualTo("admin@demo");
            assertThat(event.source()).isEqualTo("10.0.0.1");
            assertThat(event.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        });

        clock.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> throttle.attempt("ADMIN@demo", "10.0.0.1", right()))
                .isInstanceOfSatisfying(TooManyRequests.class,
                        refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(6)));
        assertThat(checks).as("no password check while locked out").hasValue(3);
        assertThat(throttle.attempt("admin@demo", "10.0.0.2", right())).as("the owner elsewhere is not locked out").isEqualTo(ADMIN);

        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.attempt("admin@demo", "10.0.0.1", right())).isEqualTo(ADMIN);
    }

    @Test
    void guessingFromManyAddressesLocksTheAccountOnlyForAddressesItIsNotUsedFrom() {
        throttle.attempt("admin@demo", "10.0.0.1", right());
        for (int i = 0; i < 6; i++) {
            String address = "192.0.2." + i;
            assertThatThrownBy(() -> throttle.attempt("admin@demo", address, wrong())).isInstanceOf(NotAuthenticated.class);
        }
        assertThat(lockouts).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(LoginLockedOut.Kind.ACCOUNT);
            assertThat(event.subject()).isEqualTo("admin@demo");
            assertThat(event.failures()).isEqualTo(6);
        });
        int before = checks.get();

        assertThatThrownBy(() -> throttle.attempt("admin@demo", "192.0.2.99", right()))
                .isInstanceOf(TooManyRequests.class).hasMessageContaining("not used from");
        assertThat(checks).as("a stranger is refused without a check").hasValue(before);
        assertThat(throttle.attempt("Admin@demo", "10.0.0.1", right())).as("the owner's known address gets in").isEqualTo(ADMIN);
        assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", wrong())).as("and is still checked")
                .isInstanceOf(NotAuthenticated.class);

        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.attempt("admin@demo", "192.0.2.99", right())).as("after the lockout").isEqualTo(ADMIN);
    }

    @Test
    void aKnownAddressIsForgottenAfterItsLifetime() {
        throttle.attempt("admin@demo", "10.0.0.1", right());
        clock.advance(Duration.ofDays(31));
        for (int i = 0; i < 6; i++) {
            String address = "192.0.2." + i;
            assertThatThrownBy(() -> throttle.attempt("admin@demo", address, wrong())).isInstanceOf(NotAuthenticated.class);
        }
        assertThatThrownBy(() -> throttle.attempt("admin@demo", "10.0.0.1", right())).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void aClientThatSucceedsOnEveryRequestWritesItsAddressOnceADayAndKeepsAtMostTenAddresses() {
        for (int i = 0; i < 5; i++) {
            throttle.attempt("admin@demo", "10.0.0.1", right());
        }
        assertThat(store.writes).as("the first success records the address, the others only read").hasValue(1);
        clock.advance(Duration.ofHours(25));
        throttle.attempt("admin@demo", "10.0.0.1", right());
        assertThat(store.writes).hasValue(2);

        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofMinutes(1));
            throttle.attempt("admin@demo", "10.0.1." + i, right());
        }
        assertThat(store.entries.get("known:admin@demo").split(",")).hasSize(LoginThrottle.KNOWN_ADDRESSES)
                .noneMatch(entry -> entry.startsWith("10.0.0.1=") || entry.startsWith("10.0.1.0=") || entry.startsWith("10.0.1.1="));
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
                .containsExactly(LoginLockedOut.Kind.ACCOUNT_FROM_SOURCE);
    }

    @Test
    void settingsComeFromPropertiesWithDocumentedDefaults() {
        assertThat(LoginSettings.from(name -> null)).isEqualTo(LoginSettings.DEFAULTS);
        assertThat(LoginSettings.DEFAULTS.accountSourceFailures()).isEqualTo(10);
        assertThat(LoginSettings.DEFAULTS.accountFailures()).isEqualTo(50);
        assertThat(LoginSettings.DEFAULTS.sourceFailures()).isEqualTo(30);
        assertThat(LoginSettings.DEFAULTS.knownAddressLifetime()).isEqualTo(Duration.ofDays(30));
        LoginSettings set = LoginSettings.from(Map.of(LoginSettings.ACCOUNT_FAILURES, "4", LoginSettings.LOCKOUT, "PT5S",
                LoginSettings.ACCOUNT_SOURCE_FAILURES, "2", LoginSettings.KNOWN_ADDRESS_LIFETIME, "P7D")::get);
        assertThat(set.accountFailures()).isEqualTo(4);
        assertThat(set.accountSourceFailures()).isEqualTo(2);
        assertThat(set.knownAddressLifetime()).isEqualTo(Duration.ofDays(7));
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
        final AtomicInteger writes = new AtomicInteger();
        boolean interfereOnce;

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
            if (interfereOnce) {
                interfereOnce = false;
                String[] parts = expected.split("\\|");
                entries.put(key, (Integer.parseInt(parts[0]) + 1) + "|" + parts[1] + "|" + parts[2]);
            }
            return entries.replace(key, expected, value);
        }

        @Override
        public void remove(String key) {
            writes.incrementAndGet();
            entries.remove(key);
        }
    }
}
