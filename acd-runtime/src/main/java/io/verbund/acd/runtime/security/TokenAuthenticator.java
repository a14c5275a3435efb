package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private record Entry(StoredToken token, Instant until) {
    }

    private final TokenDirectory directory;
    private final Clock clock;
    private final Map<String, Entry> recent = new ConcurrentHashMap<>();

    @Inject
    public TokenAuthenticator(TokenDirectory directory) {
        this(directory, Clock.systemUTC());
    }

    public TokenAuthenticator(TokenDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected TokenAuthenticator() {
        this.directory = null;
        this.clock = null;
    }

    /** @throws NotAuthenticated unless the text is a token that is valid now */
    public StoredToken authenticate(String bearer) {
        if (!ApiTokenSecret.looksLikeToken(bearer)) {
            throw new NotAuthenticated(REFUSED);
        }
        String hash = ApiTokenSecret.of(bearer).sha256Hex();
        Instant now = clock.instant();
        Entry entry = recent.get(hash);
        if (entry == null || !now.isBefore(entry.until())) {
            Optional<StoredToken> found = directory.findByHash(hash);
            if (found.isEmpty()) {
                recent.remove(hash);
                throw new NotAuthenticated(REFUSED);
            }
            if (recent.size() >= SIZE_LIMIT) {
                recent.clear();
            }
            entry = new Entry(found.get(), now.plus(TIME_TO_LIVE));
            recent.put(hash, entry);
            directory.touched(found.get().id());
        }
        if (!entry.token().validAt(now)) {
            throw new NotAuthenticated(REFUSED);
        }
        return entry.token();
    }
}
