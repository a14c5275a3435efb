package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.cache.TimedCache;
import io.verbund.acd.runtime.problem.NotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns a bearer API token into the token as stored, or refuses it. A token found is trusted for
 * {@link #TIME_TO_LIVE}, so a revocation takes effect within that time on every node; an unknown
 * token is never remembered, so a token created on one node works at once on all.
 */
@ApplicationScoped
public class TokenAuthenticator {

    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final int SIZE_LIMIT = 10_000;
    private static final String REFUSED = "The API token is unknown, expired or revoked";

    private final TokenDirectory directory;
    private final Clock clock;
    private final TimedCache<String, StoredToken> recent;

    @Inject
    public TokenAuthenticator(TokenDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.recent = new TimedCache<>(TIME_TO_LIVE, SIZE_LIMIT, clock);
    }

    /** For CDI's proxy only. */
    protected TokenAuthenticator() {
        this.directory = null;
        this.clock = null;
        this.recent = null;
    }

    /** @throws NotAuthenticated unless the text is a token that is valid now */
    public StoredToken authenticate(String bearer) {
        if (!ApiTokenSecret.looksLikeToken(bearer)) {
            throw new NotAuthenticated(REFUSED);
        }
        String hash = ApiTokenSecret.of(bearer).sha256Hex();
        StoredToken token = recent.get(hash, key -> {
            StoredToken found = directory.findByHash(key).orElseThrow(() -> new NotAuthenticated(REFUSED));
            directory.touched(found.id());
            return found;
        });
        if (!token.validAt(clock.instant())) {
            throw new NotAuthenticated(REFUSED);
        }
        return token;
    }
}
