package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.user.PasswordHash;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final Caller AGENT_1001 = new Caller(new UserId(7), "agent1001@demo", new TenantKey("demo"),
            new TenantId(2), Set.of(Role.AGENT), Optional.of(new AgentKey(new TenantKey("demo"), "1001")));

    private final FakeClock clock = new FakeClock();
    private final Map<String, StoredUser> users = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Authenticator authenticator = new Authenticator(login -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(users.get(login));
    }, clock);

    @Test
    void theRightPasswordMakesTheStoredUserTheCaller() {
        users.put("agent1001@demo", user(AGENT_1001, "demo-1001", true));

        assertThat(authenticator.authenticate(new BasicCredentials("agent1001@demo", "demo-1001"))).isEqualTo(AGENT_1001);
    }

    @Test
    void aWrongPasswordIsRefused() {
        users.put("agent1001@demo", user(AGENT_1001, "demo-1001", true));

        assertThatThrownBy(() -> authenticator.authenticate(new BasicCredentials("agent1001@demo", "demo-1002")))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void anUnknownLoginAndADisabledUserAreRefusedLikeAWrongPassword() {
        users.put("agent1001@demo", user(AGENT_1001, "demo-1001", false));

        assertThatThrownBy(() -> authenticator.authenticate(new BasicCredentials("agent1001@demo", "demo-1001")))
                .isInstanceOf(NotAuthenticated.class)
                .hasMessage("The login or password is wrong, or the user is disabled");
        assertThatThrownBy(() -> authenticator.authenticate(new BasicCredentials("nobody@demo", "x")))
                .isInstanceOf(NotAuthenticated.class)
                .hasMessage("The login or password is wrong, or the user is disabled");
    }

    @Test
    void aUserWithAnUnreadableHashCannotLogIn() {
        users.put("agent1001@demo", new StoredUser(AGENT_1001, Optional.empty(), true));

        assertThatThrownBy(() -> authenticator.authenticate(new BasicCredentials("agent1001@demo", "demo-1001")))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void aVerifiedPasswordIsRememberedForFiveMinutes() {
        users.put("agent1001@demo", user(AGENT_1001, "demo-1001", true));
        BasicCredentials credentials = new BasicCredentials("agent1001@demo", "demo-1001");

        authenticator.authenticate(credentials);
        clock.advance(Duration.ofMinutes(4));
        authenticator.authenticate(credentials);
        assertThat(lookups).as("second request answered from memory").hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        authenticator.authenticate(credentials);
        assertThat(lookups).as("verified again after five minutes").hasValue(2);
    }

    @Test
    void anotherPasswordForARememberedLoginIsStillChecked() {
        users.put("agent1001@demo", user(AGENT_1001, "demo-1001", true));
        authenticator.authenticate(new BasicCredentials("agent1001@demo", "demo-1001"));

        assertThatThrownBy(() -> authenticator.authenticate(new BasicCredentials("agent1001@demo", "guess")))
                .isInstanceOf(NotAuthenticated.class);
    }

    @Test
    void failedAttemptsAreNotRemembered() {
        users.put("agent1001@demo", user(AGENT_1001, "demo-1001", true));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(new BasicCredentials("agent1001@demo", "guess")))
                    .isInstanceOf(NotAuthenticated.class);
        }

        assertThat(lookups).hasValue(2);
    }

    @Test
    void theRememberedCredentialsNeverHoldThePassword() {
        VerifiedCredentials verified = new VerifiedCredentials(clock);
        verified.remember(new BasicCredentials("agent1001@demo", "demo-1001"), AGENT_1001);

        assertThat(verified.lookup(new BasicCredentials("agent1001@demo", "demo-1001"))).contains(AGENT_1001);
        assertThat(verified.lookup(new BasicCredentials("agent1002@demo", "demo-1001"))).isEmpty();
        assertThat(verified.size()).isEqualTo(1);
    }

    /** A hash in PasswordHash's layout with few iterations, so tests do not pay 600,000. */
    private static StoredUser user(Caller caller, String password, boolean enabled) {
        return new StoredUser(caller, Optional.of(cheapHash(password)), enabled);
    }

    private static PasswordHash cheapHash(String password) {
        byte[] salt = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int iterations = 1_000;
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return PasswordHash.parse("PBKDF2WithHmacSHA256:" + iterations + ":" + b64.encodeToString(salt) + ":"
                    + b64.encodeToString(hash));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static final class FakeClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

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
}
