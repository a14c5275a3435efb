package io.verbund.acd.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.AgentStatusCodec;
import io.verbund.acd.agent.IllegalAgentTransition;
import io.verbund.acd.tenant.TenantKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.distribution.LocalizedCacheTopology;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.infinispan.topology.CacheTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link InfinispanAgentStates} reserves an agent for exactly one call, and loses no
 * change, when two cluster nodes race: two embedded Infinispan nodes in this JVM, joined over
 * JGroups TCP on loopback, each with the replicated, non-transactional {@code agents} cache that
 * WildFly's {@code replicated-cache=agents} gives the services.
 *
 * <p>{@link InfinispanAgentStatesTest} runs the same logic on a {@link ConcurrentHashMap}, where
 * {@code replace(key, old, new)} is atomic by construction. Whether it is atomic across nodes
 * depends on how Infinispan routes and locks a conditional write of a replicated cache, and that
 * is what keeps one agent from ringing for two callers; so it is checked here on the real cache.
 */
class InfinispanAgentStatesClusterTest {

    private static final String CACHE = "agents";
    private static final TenantKey TENANT = new TenantKey("demo");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    // Fixed, so every racer starts from the very same READY status and the stored values compare exactly.
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int THREADS_PER_NODE = 4;
    private static final Duration RACE_LIMIT = Duration.ofSeconds(10);

    private static DefaultCacheManager nodeA;
    private static DefaultCacheManager nodeB;
    private static Cache<String, String> agentsOnA;
    private static Cache<String, String> agentsOnB;

    @BeforeAll
    static void startTwoNodeCluster() throws IOException {
        int[] ports = twoFreeLoopbackPorts();
        // A cluster name of its own, so a parallel run on this machine can never join it.
        String cluster = "acd-agents-test-" + UUID.randomUUID();
        // One after the other: started together, each might find no coordinator and found its own cluster.
        nodeA = startNode("node-a", cluster, ports[0], ports);
        nodeB = startNode("node-b", cluster, ports[1], ports);
        agentsOnA = nodeA.getCache(CACHE);
        agentsOnB = nodeB.getCache(CACHE);

        await("both nodes in one view, the agents cache on both")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> nodeA.getMembers().size() == 2 && nodeB.getMembers().size() == 2
                        && replicatedOnBoth(agentsOnA) && replicatedOnBoth(agentsOnB));
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (nodeB != null) {
                nodeB.stop();
            }
        } finally {
            if (nodeA != null) {
                nodeA.stop();
            }
        }
    }

    @BeforeEach
    void noAgentHasAnEntry() {
        agentsOnA.clear();
    }

    @Test
    void oneAgentIsReservedForExactlyOneCallAcrossTwoNodes() throws Exception {
        List<AgentKey> agents = IntStream.rangeClosed(1, 20).mapToObj(i -> new AgentKey(TENANT, String.valueOf(1000 + i))).toList();
        InfinispanAgentStates statesOnA = new InfinispanAgentStates(agentsOnA, CLOCK);
        InfinispanAgentStates statesOnB = new InfinispanAgentStates(agentsOnB, CLOCK);
        for (AgentKey agent : agents) {
            statesOnA.apply(agent, (status, now) -> status.goReady(now));
        }
        Map<AgentKey, List<AgentStatus>> winners = new ConcurrentHashMap<>();
        AtomicInteger succeeded = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2 * THREADS_PER_NODE);
        List<Callable<Void>> racers = new ArrayList<>();
        for (int thread = 0; thread < THREADS_PER_NODE; thread++) {
            racers.add(reserveAll(statesOnA, "a" + thread, agents, start, winners, succeeded));
            racers.add(reserveAll(statesOnB, "b" + thread, agents, start, winners, succeeded));
        }

        runAll(racers);

        assertThat(succeeded).as("successful compare-and-sets").hasValue(agents.size());
        assertThat(winners).containsOnlyKeys(agents);
        winners.forEach((agent, won) -> {
            assertThat(won).as("reservations of %s that won", agent).hasSize(1);
            AgentStatus winner = won.get(0);
            assertThat(stored(agentsOnA, agent)).as("%s on node A", agent).isEqualTo(winner);
            assertThat(stored(agentsOnB, agent)).as("%s on node B", agent).isEqualTo(winner);
        });
    }

    @Test
    void everyReservationCycleFromEitherNodeIsCountedWhenBothRaceForOneAgent() throws Exception {
        AgentKey agent = new AgentKey(TENANT, "2001");
        InfinispanAgentStates statesOnA = new InfinispanAgentStates(agentsOnA, CLOCK);
        InfinispanAgentStates statesOnB = new InfinispanAgentStates(agentsOnB, CLOCK);
        statesOnA.apply(agent, (status, now) -> status.goReady(now));
        int cyclesPerThread = 25;
        AtomicInteger released = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2 * THREADS_PER_NODE);
        List<Callable<Void>> racers = new ArrayList<>();
        for (int thread = 0; thread < THREADS_PER_NODE; thread++) {
            racers.add(reserveAndReleaseRepeatedly(statesOnA, "a" + thread, agent, cyclesPerThread, start, released));
            racers.add(reserveAndReleaseRepeatedly(statesOnB, "b" + thread, agent, cyclesPerThread, start, released));
        }

        runAll(racers);

        // Each release counts one unanswered offer, so noAnswers is a counter every lost update would shorten.
        int cycles = 2 * THREADS_PER_NODE * cyclesPerThread;
        assertThat(released).hasValue(cycles);
        AgentStatus onA = stored(agentsOnA, agent);
        assertThat(onA.state()).isEqualTo(AgentState.READY);
        assertThat(onA.noAnswers()).as("unanswered offers counted").isEqualTo(cycles);
        assertThat(stored(agentsOnB, agent)).as("the status on node B").isEqualTo(onA);
    }

    /**
     * Reads every agent on its own node, as the distributor does, then, once all racers have read,
     * tries to reserve each one from exactly the status it saw.
     */
    private static Callable<Void> reserveAll(InfinispanAgentStates states, String racer, List<AgentKey> agents,
                                             CyclicBarrier start, Map<AgentKey, List<AgentStatus>> winners,
                                             AtomicInteger succeeded) {
        return () -> {
            Map<AgentKey, AgentStatus> seen = new LinkedHashMap<>();
            for (AgentKey agent : agents) {
                seen.put(agent, states.current(agent));
            }
            start.await(RACE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            seen.forEach((agent, ready) -> {
                AgentStatus mine = reservedFor(ready, "call-" + racer + "-" + agent.extension(), NOW);
                if (states.compareAndSet(ready, mine)) {
                    succeeded.incrementAndGet();
                    winners.computeIfAbsent(agent, won -> new CopyOnWriteArrayList<>()).add(mine);
                }
            });
            return null;
        };
    }

    /**
     * Reserves the agent through {@link InfinispanAgentStates#apply} (retrying while another racer
     * holds it) and lets the offer ring out, over and over; only the racer holding the
     * reservation may release it.
     */
    private static Callable<Void> reserveAndReleaseRepeatedly(InfinispanAgentStates states, String racer, AgentKey agent,
                                                             int cycles, CyclicBarrier start, AtomicInteger released) {
        return () -> {
            start.await(RACE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            for (int cycle = 0; cycle < cycles; cycle++) {
                String callId = "call-" + racer + "-" + cycle;
                while (true) {
                    try {
                        states.apply(agent, (status, now) -> reservedFor(status, callId, now));
                        break;
                    } catch (IllegalAgentTransition | AgentStateConflict heldByAnother) {
                        if (Thread.interrupted()) {
                            throw new InterruptedException("still waiting to reserve " + agent + " for " + callId);
                        }
                        // Two cores for eight racers: leave the holder the CPU it needs to release.
                        Thread.yield();
                    }
                }
                states.apply(agent, (status, now) -> {
                    if (!status.callId().equals(Optional.of(callId))) {
                        throw new AssertionError(callId + " won " + agent + ", which is now " + status);
                    }
                    return status.offerNotTaken(true, 0, 0, now);
                });
                released.incrementAndGet();
            }
            return null;
        };
    }

    /** Reserved for the call by the node the call's name starts with ("call-a…" on node-a). */
    private static AgentStatus reservedFor(AgentStatus ready, String callId, Instant now) {
        return ready.reserve(callId, callId.startsWith("call-a") ? "node-a" : "node-b", now);
    }

    /** Runs the racers on threads of their own and rethrows the first failure of any. */
    private static void runAll(List<Callable<Void>> racers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(racers.size());
        try {
            for (Future<Void> racer : threads.invokeAll(racers, RACE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                racer.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static AgentStatus stored(Cache<String, String> cache, AgentKey agent) {
        String encoded = cache.get(agent.toString());
        assertThat(encoded).as("the entry of %s on %s", agent, cache.getCacheManager().getAddress()).isNotNull();
        return AgentStatusCodec.decode(encoded);
    }

    /** Both nodes own the cache and no state transfer is under way. */
    private static boolean replicatedOnBoth(Cache<String, String> cache) {
        LocalizedCacheTopology topology = cache.getAdvancedCache().getDistributionManager().getCacheTopology();
        return topology.getActualMembers().size() == 2 && topology.getPhase() == CacheTopology.Phase.NO_REBALANCE;
    }

    private static DefaultCacheManager startNode(String name, String cluster, int port, int[] members) {
        GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
        global.transport().clusterName(cluster).nodeName(name)
                .addProperty(JGroupsTransport.CONFIGURATION_STRING, loopbackStack(port, members));
        DefaultCacheManager manager = new DefaultCacheManager(global.build());
        // As WildFly's replicated-cache=agents: synchronous, no transactions (the builder's default).
        manager.defineConfiguration(CACHE, new ConfigurationBuilder().clustering().cacheMode(CacheMode.REPL_SYNC).build());
        return manager;
    }

    /**
     * Infinispan's own {@code tcp} stack bound to loopback, finding the other node by TCPPING at a
     * known port rather than by multicast, which containers and CI machines often drop; no port
     * range, so each node binds exactly the port the other one looks for. Without FD_SOCK2: it
     * listens at the bind port plus an offset (50000 in Infinispan's stack), which for a random free
     * port may be taken or past 65535; FD_ALL3 still detects failures. MERGE3 checks often, so a
     * split start heals within the bounded wait.
     */
    private static String loopbackStack(int port, int[] members) {
        return """
                <config xmlns="urn:org:jgroups">
                   <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0" diag.enabled="false"
                        thread_naming_pattern="pl" sock_conn_timeout="300ms" tcp_nodelay="true"/>
                   <TCPPING initial_hosts="127.0.0.1[%d],127.0.0.1[%d]" port_range="0"/>
                   <MERGE3 min_interval="1s" max_interval="3s"/>
                   <FD_ALL3/>
                   <VERIFY_SUSPECT2 timeout="1s"/>
                   <pbcast.NAKACK2 use_mcast_xmit="false" xmit_interval="200ms"/>
                   <UNICAST3 xmit_interval="200ms"/>
                   <pbcast.STABLE desired_avg_gossip="5s" max_bytes="1M"/>
                   <pbcast.GMS print_local_addr="false" join_timeout="2s"/>
                   <UFC max_credits="4m" min_threshold="0.40"/>
                   <MFC max_credits="4m" min_threshold="0.40"/>
                   <FRAG4 frag_size="60k"/>
                </config>
                """.formatted(port, members[0], members[1]);
    }

    /** Two ports free on loopback now; held open together so they cannot be the same one. */
    private static int[] twoFreeLoopbackPorts() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket first = new ServerSocket(0, 1, loopback); ServerSocket second = new ServerSocket(0, 1, loopback)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }
}
