package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.cache.TimedCache;
import io.verbund.acd.runtime.problem.NotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * The caller behind a logged-in session's login, read from the user directory and trusted for
 * {@link #TIME_TO_LIVE}: a user disabled, or given other roles, is affected within that time
 * without the browser logging in again.
 */
@ApplicationScoped
public class SessionUsers {

    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final int SIZE_LIMIT = 10_000;

    private final UserDirectory directory;
    private final TimedCache<String, Caller> recent;

    @Inject
    public SessionUsers(UserDirectory directory, Clock clock) {
        this.directory = directory;
        this.recent = new TimedCache<>(TIME_TO_LIVE, SIZE_LIMIT, clock);
    }

    /** For CDI's proxy only. */
    protected SessionUsers() {
        this.directory = null;
        this.recent = null;
    }

    /** @throws NotAuthenticated when the login no longer belongs to an enabled user */
    public Caller callerOf(String login) {
        return recent.get(login, key -> directory.find(key).filter(StoredUser::enabled)
                .orElseThrow(() -> new NotAuthenticated("The session's user is disabled or removed; log in again")).caller());
    }
}
