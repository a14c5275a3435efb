package io.verbund.acd.telephony.registrar;

import io.verbund.acd.runtime.cache.CacheMirror;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import io.verbund.acd.agent.AgentKey;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/** Phone bindings by SIP user name in the replicated cache {@code registrations}. */
@ApplicationScoped
public class Registrations {

    @Resource(lookup = "java:jboss/infinispan/cache/acd/registrations")
    private Cache<String, String> cache;

    private CacheMirror<Binding> mirror;

    @PostConstruct
    void startMirror() {
        mirror = CacheMirror.of(cache, Binding::decode);
    }

    /** Tells {@code watcher} of every binding made, refreshed or removed on any node, on the writer's thread. */
    public void watch(CacheMirror.Changes<Binding> watcher) {
        mirror.watch(watcher);
    }

    @PreDestroy
    void stopMirror() {
        mirror.close();
    }

    public void bind(String sipUsername, Binding binding, long seconds) {
        // The cache entry outlives the binding a little, so expiry is decided by the binding's own time.
        cache.put(sipUsername, binding.encode(), seconds + 30, TimeUnit.SECONDS);
    }

    public void unbind(String sipUsername) {
        cache.remove(sipUsername);
    }

    /** The agents with at least one phone registered now, from this node's mirror. */
    public Set<AgentKey> agentsRegistered(Instant now) {
        return mirror.values().stream().filter(binding -> binding.isActive(now)).map(Binding::agent).collect(Collectors.toSet());
    }

    public Optional<Binding> active(String sipUsername, Instant now) {
        return mirror.get(sipUsername).filter(binding -> binding.isActive(now));
    }
}
