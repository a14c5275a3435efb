package io.verbund.acd.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

    /** Forty phones challenged in one millisecond once shared a nonce, and all but one looked like replays. */
    @Test
    void challengesInTheSameMillisecondGetDifferentNoncesThatAreAllFresh() {
        DigestChallenge digest = new DigestChallenge();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            nonces.add(digest.newNonce(NOW));
        }

        assertThat(nonces).hasSize(40).allSatisfy(nonce -> assertThat(digest.isFresh(nonce, NOW.plusSeconds(1))).isTrue());
    }

    @Test
    void aNonceIsStaleAfterItsLifetimeForgedOrFromAnotherNode() {
        DigestChallenge digest = new DigestChallenge();
        String nonce = digest.newNonce(NOW);
        String decoded = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
        String later = decoded.replaceFirst("^\\d+", Long.toString(NOW.plusSeconds(3600).toEpochMilli()));

        assertThat(digest.isFresh(nonce, NOW.plus(DigestChallenge.NONCE_LIFETIME).plusSeconds(1))).isFalse();
        assertThat(digest.isFresh(Base64.getUrlEncoder().withoutPadding().encodeToString(later.getBytes(StandardCharsets.US_ASCII)),
                NOW.plusSeconds(3601))).as("a moved time breaks the HMAC").isFalse();
        assertThat(new DigestChallenge().isFresh(nonce, NOW)).as("another secret").isFalse();
        assertThat(digest.isFresh("not base64 !", NOW)).isFalse();
    }
}
