package io.verbund.acd.runtime.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Where {@link LoginThrottle} keeps its counts: a map of short strings with conditional writes and a
 * lifespan per entry, shared by every node of the cluster ({@link InfinispanLoginFailures}).
 */
public interface LoginFailures {

    Optional<String> get(String key);

    /** @return whether the key was absent and now holds the value */
    boolean putIfAbsent(String key, String value, Duration lifespan);

    /** @return whether the key held {@code expected} and now holds the value */
    boolean replace(String key, String expected, String value, Duration lifespan);

    void remove(String key);
}
