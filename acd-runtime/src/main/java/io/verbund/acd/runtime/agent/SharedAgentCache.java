package io.verbund.acd.runtime.agent;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.infinispan.Cache;

/**
 * Binds {@link InfinispanAgentStates} to the cluster's {@code agents} cache of the {@code acd}
 * container, so every WAR injects the same adapter over the same cache.
 */
@ApplicationScoped
public class SharedAgentCache {

    public static final String JNDI_NAME = "java:jboss/infinispan/cache/acd/agents";

    @Resource(lookup = JNDI_NAME)
    private Cache<String, String> agents;

    @Produces
    InfinispanAgentStates agentStates(Clock clock) {
        return new InfinispanAgentStates(agents, clock);
    }
}
