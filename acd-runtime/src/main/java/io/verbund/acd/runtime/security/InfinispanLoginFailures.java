package io.verbund.acd.runtime.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Login failure counts in the cluster's replicated cache {@code logins}: a guess on one node counts
 * on all, so adding nodes does not multiply an attacker's attempts. Reads are local; every write is
 * one synchronous round to the other nodes, paid only by failures.
 */
@ApplicationScoped
public class InfinispanLoginFailures implements LoginFailures {

    public static final String JNDI_NAME = "java:jboss/infinispan/cache/acd/logins";

    @Resource(lookup = JNDI_NAME)
    private Cache<String, String> cache;

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration lifespan) {
        return cache.putIfAbsent(key, value, lifespan.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public boolean replace(String key, String expected, String value, Duration lifespan) {
        return cache.replace(key, expected, value, lifespan.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void remove(String key) {
        cache.remove(key);
    }
}
