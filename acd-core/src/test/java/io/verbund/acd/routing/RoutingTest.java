package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void higherPriorityIsServedBeforeLongerWaiting() {
        QueueEntry early = call("a", 0, T0);
        QueueEntry urgent = call("b", 5, T0.plusSeconds(30));

        assertThat(QueueOrder.next(List.of(early, urgent))).contains(urgent);
    }

    @Test
    void amongEqualPrioritiesTheLongerWaitingCallerWins() {
        QueueEntry first = call("a", 0, T0);
        QueueEntry second = call("b", 0, T0.plusSeconds(1));

        assertThat(QueueOrder.next(List.of(second, first))).contains(first);
        assertThat(QueueOrder.positionOf(second, List.of(first, second))).isEqualTo(2);
    }

    @Test
    void aCallersOwnEntryAsTheCacheKeepsItIsNotAheadOfIt() {
        QueueEntry waiting = call("a", 0, T0.plusNanos(123_456_789));
        QueueEntry cachedCopy = call("a", 0, T0.plusMillis(123));

        assertThat(QueueOrder.positionOf(waiting, List.of(cachedCopy))).isEqualTo(1);
    }

    @Test
    void offersLongestIdleAgentFirstWithinTheSamePenalty() {
        Candidate recent = candidate("1001", T0.plusSeconds(50), 0, 0);
        Candidate idle = candidate("1002", T0, 0, 0);
        Candidate penalised = candidate("1003", T0.minusSeconds(100), 1, 0);

        List<Candidate> ranked = new LongestIdle().rank(List.of(recent, penalised, idle), turn());

        assertThat(ranked).extracting(c -> c.status().agent().extension()).containsExactly("1002", "1001", "1003");
    }

    @Test
    void offersTheMostProficientAgentForSkillsBasedGroups() {
        Candidate novice = candidate("1006", T0, 0, 1);
        Candidate expert = candidate("1010", T0.plusSeconds(60), 0, 5);

        List<Candidate> ranked = new SkillsBased().rank(List.of(novice, expert), turn());

        assertThat(ranked.get(0).status().agent().extension()).isEqualTo("1010");
        assertThat(new SkillsBased().explain(ranked.get(0), turn(), T0)).contains("proficiency 5");
    }

    @Test
    void skillsBasedOffersALowerPenaltyBeforeAHigherProficiency() {
        Candidate penalisedExpert = candidate("1010", T0, 1, 9);
        Candidate novice = candidate("1006", T0, 0, 1);

        List<Candidate> ranked = new SkillsBased().rank(List.of(penalisedExpert, novice), turn());

        assertThat(ranked).extracting(Candidate::extension).containsExactly("1006", "1010");
    }

    @ParameterizedTest
    @CsvSource({"LONGEST_IDLE, LongestIdle", "ROUND_ROBIN, RoundRobin", "RING_ALL, RingAll", "FEWEST_CALLS, FewestCalls",
            "LEAST_CALLS, FewestCalls", "LEAST_TALK_TIME, LeastTalkTime", "RANDOM, RandomOrder", "LINEAR, Linear",
            "SKILLS_BASED, SkillsBased"})
    void strategiesAreFoundByTheirStoredNames(String name, String strategy) {
        assertThat(RoutingStrategy.named(name).getClass().getSimpleName()).isEqualTo(strategy);
    }

    @Test
    void anUnknownStrategyNameIsRefused() {
        assertThatThrownBy(() -> RoutingStrategy.named("MOST_SKILLED")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MOST_SKILLED");
    }

    @Test
    void onlyRoundRobinFollowsTheLastOfferedAndOnlyRingAllRingsAll() {
        for (String name : List.of("LONGEST_IDLE", "ROUND_ROBIN", "RING_ALL", "FEWEST_CALLS", "LEAST_TALK_TIME", "RANDOM",
                "LINEAR", "SKILLS_BASED")) {
            RoutingStrategy strategy = RoutingStrategy.named(name);
            assertThat(strategy.followsLastOffered()).as(name).isEqualTo(name.equals("ROUND_ROBIN"));
            assertThat(strategy.ringsAllAtOnce()).as(name).isEqualTo(name.equals("RING_ALL"));
        }
    }

    @Test
    void ringAllRingsEveryAvailableAgent() {
        RoutingStrategy ringAll = RoutingStrategy.named("RING_ALL");

        assertThat(ringAll.ringsAllAtOnce()).isTrue();
        assertThat(ringAll.rank(List.of(candidate("1", T0, 0, 0), candidate("2", T0, 0, 0)), turn())).hasSize(2);
    }

    @Test
    void availableAgentsAreHandedOutBestFirstEachOnce() {
        Candidate recent = candidate("1001", T0.plusSeconds(50), 0, 0);
        Candidate idle = candidate("1002", T0, 0, 0);
        Candidate penalised = candidate("1003", T0.minusSeconds(100), 1, 0);
        Comparator<Candidate> order = new LongestIdle().orderFor(turn());
        AvailableAgents free = new AvailableAgents(List.of(recent, penalised, idle));

        assertThat(free.takeBest(order)).contains(idle);
        assertThat(free.takeBest(order)).contains(recent);
        assertThat(free.takeAll(order)).containsExactly(penalised);
        assertThat(free.isEmpty()).isTrue();
        assertThat(free.takeBest(order)).isEmpty();
    }

    @Test
    void queueEntriesSurviveTheCacheEncoding() {
        QueueEntry entry = call("call-1@host", 3, T0);
        QueueEntry full = entry.needing(List.of(io.verbund.acd.skill.SkillCondition.of("Sales, B2B|key>=", 3),
                io.verbund.acd.skill.SkillCondition.of("German", 2))).preferring(new io.verbund.acd.agent.AgentKey(DEMO, "1004"),
                T0.plusSeconds(20));

        assertThat(QueueEntry.decode(entry.encode())).isEqualTo(entry);
        assertThat(QueueEntry.decode(full.encode())).isEqualTo(full);
        assertThat(full.encode()).startsWith("v2|");
    }

    @Test
    void queueEntriesOfThePreviousBuildAreStillRead() {
        assertThat(QueueEntry.decode("v1|call-1@host|demo|7|3|" + T0.toEpochMilli() + "|node-a")).isEqualTo(call("call-1@host", 3, T0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QueueEntry.decode("v3|x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLastAgentsFirstTryEndsAtItsTime() {
        QueueEntry entry = call("c", 0, T0).preferring(new io.verbund.acd.agent.AgentKey(DEMO, "1004"), T0.plusSeconds(20));

        assertThat(entry.waitsForLastAgent(T0.plusSeconds(19))).isTrue();
        assertThat(entry.waitsForLastAgent(T0.plusSeconds(20))).isFalse();
        assertThat(call("c", 0, T0).waitsForLastAgent(T0)).isFalse();
    }

    private static QueueEntry call(String id, int priority, Instant entered) {
        return new QueueEntry(id, DEMO, 7, priority, entered, "node-a");
    }

    private static Turn turn() {
        return new Turn(call("c", 0, T0), Optional.empty());
    }

    private static Candidate candidate(String extension, Instant readySince, int penalty, int proficiency) {
        AgentStatus ready = AgentStatus.loggedOut(new AgentKey(DEMO, extension), readySince).goReady(readySince);
        return new Candidate(ready, new Member(ready.agent(), penalty, proficiency, 0), AgentWorkload.NONE);
    }
}
