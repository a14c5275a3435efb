package io.verbund.acd.runtime.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.remoting.transport.Address;

/**
 * The view of the {@code acd} cache container's cluster as this node sees it: agent state, queues
 * and registrations are only shared with the members listed here.
 */
@ApplicationScoped
public class CacheClusterCheck {

    /** Any cache of the container shows the container's view; agents is the one every service uses. */
    @Resource(lookup = "java:jboss/infinispan/cache/acd/agents")
    private Cache<String, String> agents;

    public Check check() {
        try {
            EmbeddedCacheManager container = agents.getCacheManager();
            JsonObjectBuilder details = Json.createObjectBuilder().add("container", "acd");
            Address self = container.getAddress();
            JsonArrayBuilder members = Json.createArrayBuilder();
            if (container.getMembers() != null) {
                container.getMembers().forEach(member -> members.add(member.toString()));
            }
            details.add("cluster", String.valueOf(container.getClusterName()))
                    .add("self", String.valueOf(self))
                    .add("coordinator", String.valueOf(container.getCoordinator()))
                    .add("members", members);
            // isRunning, not getStatus(): WildFly's org.infinispan module does not export the lifecycle package.
            boolean running = container.isRunning(agents.getName());
            details.add("cacheRunning", running);
            boolean member = self != null && container.getMembers() != null && container.getMembers().contains(self);
            return running && member ? Check.up(details) : Check.down(details.add("problem", "not a running member of the cluster"));
        } catch (RuntimeException e) {
            return Check.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
