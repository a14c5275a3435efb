package io.verbund.acd.telephony.registrar;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replay protection for digest answers (RFC 2617 §3.2.2, nonce count): every accepted answer's
 * nonce count must be higher than the last one accepted for its nonce, so a captured REGISTER with
 * its Authorization (the digest covers neither Contact nor Expires: a replay could move the agent's
 * calls elsewhere) is refused when sent again. An answer without {@code qop} carries no count and
 * makes its nonce single-use. Only nonces with an accepted answer are kept, and only as long as a
 * nonce is fresh at all ({@link DigestChallenge#NONCE_LIFETIME}): someone without a password cannot
 * grow this map. Per node, which is enough: a nonce only verifies on the node whose key signed it.
 */
final class NonceUses {

    private record Use(long count, Instant at) {
    }

    private final Duration lifetime;
    private final Map<String, Use> uses = new ConcurrentHashMap<>();
    private volatile Instant nextPurge = Instant.MIN;

    NonceUses(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /**
     * Records the answer's use of its nonce.
     *
     * @param count the nonce count ({@code nc}), or -1 when the answer had none
     * @return false for a replay: the nonce was used with this count or a higher one before
     */
    boolean firstUse(String nonce, long count, Instant now) {
        purge(now);
        long effective = Math.max(count, 0);
        boolean[] fresh = {false};
        uses.compute(nonce, (key, previous) -> {
            if (previous != null && (count < 0 || effective <= previous.count())) {
                return previous;
            }
            fresh[0] = true;
            return new Use(effective, previous == null ? now : previous.at());
        });
        return fresh[0];
    }

    int size() {
        return uses.size();
    }

    private void purge(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plusSeconds(10);
        Instant oldest = now.minus(lifetime).minusSeconds(1);
        uses.values().removeIf(use -> use.at().isBefore(oldest));
    }
}
