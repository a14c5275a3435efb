package io.verbund.acd.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import io.verbund.acd.tenant.TenantKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private static final Caller ACME = new Caller(new UserId(7), "token:crm", new TenantKey("acme"), new TenantId(3),
            Set.of(Role.TENANT_ADMIN), Optional.empty());

    /** A directory in memory that counts its look-ups. */
    private static final class Directory implements TokenDirectory {
        final Map<String, StoredToken> byHash = new HashMap<>();
        final List<String> lookups = new ArrayList<>();

        @Override
        public Optional<StoredToken> findByHash(String sha256Hex) {
            lookups.add(sha256Hex);
            return Optional.ofNullable(byHash.get(sha256Hex));
        }

        @Override
        public void touched(long tokenId) {
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void generatedTokensHaveTheirFormAndHideTheSecretWhenPrinted() {
        ApiTokenSecret token = ApiTokenSecret.generate();
        assertThat(ApiTokenSecret.looksLikeToken(token.reveal())).isTrue();
        assertThat(token.reveal()).startsWith("vbd_").hasSize(47);
        assertThat(token.visiblePrefix()).hasSize(12);
        assertThat(token.toString()).doesNotContain(token.reveal().substring(12));
        assertThat(token.sha256Hex()).matches("[0-9a-f]{64}").isEqualTo(ApiTokenSecret.of(token.reveal()).sha256Hex());
        assertThat(ApiTokenSecret.generate().reveal()).isNotEqualTo(token.reveal());
    }

    @Test
    void scopesParseAndNameWhatIsWrong() {
        assertThat(ApiScope.parse(" config:read  agents:write ")).containsExactlyInAnyOrder(ApiScope.CONFIG_READ, ApiScope.AGENTS_WRITE);
        assertThat(ApiScope.format(EnumSet.of(ApiScope.AGENTS_WRITE, ApiScope.CONFIG_READ))).isEqualTo("config:read agents:write");
        assertThatThrownBy(() -> ApiScope.parse("config:read config:delete"))
                .hasMessageContaining("'config:delete' is not a scope");
        assertThat(ApiScope.of(ApiArea.Area.CONFIG, "GET")).isEqualTo(ApiScope.CONFIG_READ);
        assertThat(ApiScope.of(ApiArea.Area.CALLS, "DELETE")).isEqualTo(ApiScope.CALLS_WRITE);
        assertThat(ApiScope.of(ApiArea.Area.STATS, "POST")).isEqualTo(ApiScope.STATS_WRITE);
    }

    @Test
    void aKnownTokenIsLookedUpOncePerTimeToLive() {
        Directory directory = new Directory();
        MovableClock clock = new MovableClock();
        ApiTokenSecret secret = ApiTokenSecret.generate();
        directory.byHash.put(secret.sha256Hex(), new StoredToken(1, ACME, Set.of(ApiScope.CONFIG_READ), Optional.empty(), true));
        TokenAuthenticator tokens = new TokenAuthenticator(directory, clock);

        assertThat(tokens.authenticate(secret.reveal()).caller()).isEqualTo(ACME);
        assertThat(tokens.authenticate(secret.reveal()).scopes()).containsExactly(ApiScope.CONFIG_READ);
        assertThat(directory.lookups).hasSize(1);

        clock.now = clock.now.plus(TokenAuthenticator.TIME_TO_LIVE).plusSeconds(1);
        directory.byHash.clear();
        assertThatThrownBy(() -> tokens.authenticate(secret.reveal())).isInstanceOf(NotAuthenticated.class);
        assertThat(directory.lookups).hasSize(2);
    }

    @Test
    void unknownMalformedRevokedAndExpiredTokensAreRefused() {
        Directory directory = new Directory();
        MovableClock clock = new MovableClock();
        TokenAuthenticator tokens = new TokenAuthenticator(directory, clock);
        ApiTokenSecret revoked = ApiTokenSecret.generate();
        ApiTokenSecret expiring = ApiTokenSecret.generate();
        directory.byHash.put(revoked.sha256Hex(), new StoredToken(1, ACME, Set.of(ApiScope.CONFIG_READ), Optional.empty(), false));
        directory.byHash.put(expiring.sha256Hex(), new StoredToken(2, ACME, Set.of(ApiScope.CONFIG_READ),
                Optional.of(clock.now.plus(Duration.ofSeconds(5))), true));

        assertThatThrownBy(() -> tokens.authenticate("vbd_short")).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> tokens.authenticate(ApiTokenSecret.generate().reveal())).isInstanceOf(NotAuthenticated.class);
        assertThatThrownBy(() -> tokens.authenticate(revoked.reveal())).isInstanceOf(NotAuthenticated.class);
        assertThat(tokens.authenticate(expiring.reveal()).id()).isEqualTo(2);
        clock.now = clock.now.plusSeconds(6);
        assertThatThrownBy(() -> tokens.authenticate(expiring.reveal())).isInstanceOf(NotAuthenticated.class);
        assertThat(directory.lookups).hasSize(3);
    }

    @Test
    void aTokenActsWithNoMoreThanItsCreatorHoldsNow() {
        assertThat(StoredToken.rolesCappedBy(Set.of(Role.TENANT_ADMIN, Role.AGENT))).containsExactly(Role.TENANT_ADMIN);
        assertThat(StoredToken.rolesCappedBy(Set.of(Role.SYSTEM_ADMIN))).as("never above tenant admin").containsExactly(Role.TENANT_ADMIN);
        assertThat(StoredToken.rolesCappedBy(Set.of(Role.SUPERVISOR, Role.AGENT))).as("demoted creator")
                .containsExactlyInAnyOrder(Role.SUPERVISOR, Role.AGENT);
        assertThat(StoredToken.rolesCappedBy(Set.of(Role.AGENT))).containsExactly(Role.AGENT);
        assertThat(StoredToken.rolesCappedBy(Set.of())).as("a creator without roles disables the token").isEmpty();
    }
}
