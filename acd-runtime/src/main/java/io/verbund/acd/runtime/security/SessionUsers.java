package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.problem.NotAuthenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caller behind a logged-in session's login, read from the user directory and trusted for
 * {@link #TIME_TO_LIVE}: a user disabled, or given other roles, is affected within that time
 * without the browser logging in again.
 */
@ApplicationScoped
public class SessionUsers {

    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);
    private static final int SIZE_LIMIT = 10_000;

    private record Entry(Caller caller, Instant until) {
    }

    private final UserDirectory directory;
    private final Clock clock;
    private final Map<String, Entry> recent = new ConcurrentHashMap<>();

    @Inject
    public SessionUsers(UserDirectory directory) {
        this(directory, Clock.systemUTC());
    }

    public SessionUsers(UserDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected SessionUsers() {
        this.directory = null;
        this.clock = null;
    }

    /** @throws NotAuthenticated when the login no longer belongs to an enabled user */
    public Caller callerOf(String login) {
        Instant now = clock.instant();
        Entry entry = recent.get(login);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.caller();
        }
        StoredUser user = directory.find(login).filter(StoredUser::enabled)
                .orElseThrow(() -> new NotAuthenticated("The session's user is disabled or removed; log in again"));
        if (recent.size() >= SIZE_LIMIT) {
            recent.clear();
        }
        recent.put(login, new Entry(user.caller(), now.plus(TIME_TO_LIVE)));
        return user.caller();
    }
}
