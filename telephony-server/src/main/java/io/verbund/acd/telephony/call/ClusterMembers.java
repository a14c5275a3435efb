package io.verbund.acd.telephony.call;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.infinispan.Cache;
import org.infinispan.remoting.transport.Address;

/** The nodes in the cache cluster right now, by name (jboss.node.name), as calls and queue entries name them. */
@ApplicationScoped
public class ClusterMembers {

    @Resource(lookup = "java:jboss/infinispan/cache/acd/queues")
    private Cache<String, String> cache;

    /** Empty when the cache runs without a cluster transport. */
    public Optional<Set<String>> names() {
        List<Address> members = cache.getCacheManager().getMembers();
        return members == null ? Optional.empty()
                : Optional.of(members.stream().map(Address::toString).collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether another node is in the cluster now: one that could go on with this node's calls. */
    public boolean hasOthers() {
        List<Address> members = cache.getCacheManager().getMembers();
        return members != null && members.size() > 1;
    }
}
