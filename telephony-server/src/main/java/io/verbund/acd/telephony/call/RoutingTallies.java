package io.verbund.acd.telephony.call;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.routing.AgentWorkload;
import io.verbund.acd.routing.AgentWorkloads;
import io.verbund.acd.routing.RoundRobinCursors;
import io.verbund.acd.runtime.cache.CacheMirror;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Logger;
import org.infinispan.Cache;

/**
 * What routing counts across the cluster, in the replicated cache {@code routing}: where each
 * round-robin group's rotation stopped ({@code rr|<group>} → agent), and each agent's calls and
 * talk time today ({@code day|<agent>} → {@code <date>|<calls>|<talk ms>}), so every node ranks the
 * same way and a node's restart loses nothing while one node stays up. A day is the node clock's
 * day; the first call of a new day starts the agent's figures afresh.
 */
@ApplicationScoped
public class RoutingTallies implements RoundRobinCursors, AgentWorkloads {

    private static final Logger LOG = Logger.getLogger(RoutingTallies.class.getName());
    private static final int ATTEMPTS = 10;

    @Resource(lookup = "java:jboss/infinispan/cache/acd/routing")
    private Cache<String, String> cache;

    private final Clock clock;
    /** Node-local copy for reads: fewest-calls ranking asks for every free agent on every pass. */
    private CacheMirror<String> mirror;

    @Inject
    public RoutingTallies(Clock clock) {
        this.clock = clock;
    }

    protected RoutingTallies() {
        this(null);
    }

    @PostConstruct
    void mirror() {
        mirror = CacheMirror.of(cache, stored -> stored);
    }

    @PreDestroy
    void stop() {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Override
    public Optional<AgentKey> lastOffered(long groupId) {
        return mirror.get("rr|" + groupId).map(AgentKey::parse);
    }

    @Override
    public void offered(long groupId, AgentKey agent) {
        cache.put("rr|" + groupId, agent.toString());
    }

    @Override
    public AgentWorkload today(AgentKey agent, Instant now) {
        String stored = mirror.get("day|" + agent).orElse(null);
        if (stored == null) {
            return AgentWorkload.NONE;
        }
        return parse(stored, now);
    }

    /** A stored tally, or none when it is of an earlier day. */
    private AgentWorkload parse(String stored, Instant now) {
        String[] field = stored.split("\\|");
        if (!LocalDate.ofInstant(now, clock.getZone()).toString().equals(field[0])) {
            return AgentWorkload.NONE;
        }
        return new AgentWorkload(Integer.parseInt(field[1]), Duration.ofMillis(Long.parseLong(field[2])));
    }

    /** The agent finished a call it talked on for {@code talked}: one more call today, and that much more talk time. */
    void callTaken(AgentKey agent, Duration talked) {
        Instant now = clock.instant();
        String key = "day|" + agent;
        String day = LocalDate.ofInstant(now, clock.getZone()).toString();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String stored = cache.get(key);
            AgentWorkload before = stored == null ? AgentWorkload.NONE : parse(stored, now);
            String next = day + "|" + (before.callsToday() + 1) + "|" + before.talkTimeToday().plus(talked).toMillis();
            boolean written = stored == null ? cache.putIfAbsent(key, next) == null : cache.replace(key, stored, next);
            if (written) {
                return;
            }
        }
        LOG.warning(() -> "the call count of agent " + agent + " was not updated: too many writers at once");
    }
}
