package io.verbund.acd.routing;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.skill.AgentSkills;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.skill.SkillName;
import io.verbund.acd.skill.SkillRequirements;
import io.verbund.acd.skill.SkillStep;
import io.verbund.acd.tenant.TenantKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the distributor decides, with skills and steps: a skills-based group of {@code agents}
 * agents (random proficiencies in two skills), all free, and {@code callers} callers waiting
 * between 0 and 60 s (so some are in the first, narrow step and some in the wider one). The board
 * and the queue accept every reservation and take without changing, so every pass meets the same
 * state. {@link #pass} counts decisions a second over whole passes (a pass decides for as many
 * callers as it has qualified agents); {@link #oneDecision} times one caller's decision (a pass whose
 * node holds only the first caller) for its percentiles. Each decision builds its decision record.
 * One thread: one core. Run with {@code bench/routing-decisions.sh}.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class RoutingDecisionsBench {

    private static final TenantKey TENANT = new TenantKey("bench");
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Param({"10", "200", "2000"})
    public int agents;

    @Param({"10", "200", "2000"})
    public int callers;

    private Distributor everyCaller;
    private Distributor firstCaller;
    private RoutingGroup group;

    /** Decisions made, reported by JMH as a rate beside the passes. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Decisions {
        public long decisions;
    }

    private record BenchMember(AgentKey agent, int penalty, int proficiency, int position, AgentSkills skills) implements GroupMembership {
    }

    private record BenchGroup(long id, String strategy, List<BenchMember> members, SkillRequirements requirements) implements RoutingGroup {
    }

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        Map<AgentKey, AgentStatus> statuses = new HashMap<>();
        List<BenchMember> members = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            AgentKey agent = new AgentKey(TENANT, Integer.toString(10000 + i));
            Instant since = NOW.minusSeconds(1 + random.nextInt(600));
            statuses.put(agent, AgentStatus.loggedOut(agent, since).goReady(since));
            int sales = 1 + random.nextInt(5);
            members.add(new BenchMember(agent, random.nextInt(3), sales, i,
                    new AgentSkills(Map.of(new SkillName("sales"), sales, new SkillName("german"), 1 + random.nextInt(5)))));
        }
        group = new BenchGroup(1, "SKILLS_BASED", members, new SkillRequirements(List.of(SkillCondition.of("german", 2)),
                List.of(SkillStep.lasting(Duration.ofSeconds(30), SkillCondition.of("sales", 4)), SkillStep.forever(SkillCondition.of("sales", 2))),
                false));
        List<QueueEntry> waiting = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            waiting.add(new QueueEntry("call-" + i, TENANT, 1, random.nextInt(3), NOW.minusMillis(random.nextInt(60_000)), "bench"));
        }
        QueueEntry first = waiting.stream().min(QueueOrder.FIRST_SERVED_FIRST).orElseThrow();
        AgentBoard board = new AgentBoard() {
            @Override
            public AgentStatus current(AgentKey agent, Instant now) {
                return statuses.get(agent);
            }

            @Override
            public boolean compareAndSet(AgentStatus expected, AgentStatus next) {
                return true;
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        everyCaller = new Distributor("bench", clock, board, queue(waiting, null), (member, now) -> true,
                (agent, now) -> AgentWorkload.NONE, new NoCursors(), (caller, in, reserved, decision) -> { });
        firstCaller = new Distributor("bench", clock, board, queue(waiting, first), (member, now) -> true,
                (agent, now) -> AgentWorkload.NONE, new NoCursors(), (caller, in, reserved, decision) -> { });
    }

    /** The waiting callers, never taken away; {@code only}, when given, is the one caller this node holds. */
    private static WaitingCallers queue(List<QueueEntry> waiting, QueueEntry only) {
        return new WaitingCallers() {
            @Override
            public List<QueueEntry> waitingIn(long groupId) {
                return waiting;
            }

            @Override
            public boolean isHeldHere(QueueEntry caller) {
                return only == null || only.equals(caller);
            }

            @Override
            public boolean take(QueueEntry caller) {
                return true;
            }
        };
    }

    private static final class NoCursors implements RoundRobinCursors {
        @Override
        public java.util.Optional<AgentKey> lastOffered(long groupId) {
            return java.util.Optional.empty();
        }

        @Override
        public void offered(long groupId, AgentKey agent) {
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int pass(Decisions decisions) {
        int made = everyCaller.serve(group);
        decisions.decisions += made;
        return made;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int oneDecision() {
        return firstCaller.serve(group);
    }
}
