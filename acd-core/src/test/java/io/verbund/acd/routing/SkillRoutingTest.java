package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.skill.AgentSkills;
import io.verbund.acd.skill.SkillCondition;
import io.verbund.acd.skill.SkillName;
import io.verbund.acd.skill.SkillRequirements;
import io.verbund.acd.skill.SkillStep;
import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The distributor with skill requirements: the minimum always, steps by the caller's wait, and the decision record. */
class SkillRoutingTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final long SALES = 8;

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryAgentBoard board = new InMemoryAgentBoard();
    private final InMemoryQueue queue = new InMemoryQueue("node-a");
    private final RecordingOfferDesk desk = new RecordingOfferDesk();
    private final List<SkilledMember> members = new ArrayList<>();

    record SkilledMember(AgentKey agent, int penalty, int proficiency, int position, AgentSkills skills) implements GroupMembership {
    }

    record SkilledGroup(long id, String strategy, List<SkilledMember> members, SkillRequirements requirements) implements RoutingGroup {
    }

    private AgentKey ready(String extension, long idleSeconds, Map<String, Integer> skills) {
        Instant since = clock.instant().minusSeconds(idleSeconds);
        AgentStatus status = AgentStatus.loggedOut(new AgentKey(DEMO, extension), since).goReady(since);
        board.put(status);
        Map<SkillName, Integer> levels = new java.util.HashMap<>();
        skills.forEach((name, level) -> levels.put(new SkillName(name), level));
        members.add(new SkilledMember(status.agent(), 0, skills.values().stream().mapToInt(i -> i).max().orElse(0),
                members.size() + 1, new AgentSkills(levels)));
        return status.agent();
    }

    private int serve(String strategy, SkillRequirements requirements) {
        Distributor distributor = new Distributor("node-a", clock, board, queue, (member, now) -> true,
                (agent, now) -> AgentWorkload.NONE, new InMemoryCursors(), desk);
        return distributor.serve(new SkilledGroup(SALES, strategy, members, requirements));
    }

    private void caller(String callId, long waitedSeconds) {
        queue.add(new QueueEntry(callId, DEMO, SALES, 0, clock.instant().minusSeconds(waitedSeconds), "node-a"));
    }

    private static SkillRequirements salesAtLeast(int level) {
        return new SkillRequirements(List.of(SkillCondition.of("sales", level)), List.of(), false);
    }

    @Test
    void anAgentBelowTheMinimumNeverGetsTheCallEvenWhenItIsTheOnlyOneFree() {
        ready("1001", 300, Map.of());
        ready("1006", 100, Map.of("sales", 1));
        caller("c1", 10);

        assertThat(serve("LONGEST_IDLE", salesAtLeast(2))).isZero();

        assertThat(desk.offers()).isEmpty();
        assertThat(queue.all()).extracting(QueueEntry::callId).containsExactly("c1");
    }

    @Test
    void theQualifiedAgentGetsItAndTheDecisionNamesTheOthersAndWhy() {
        AgentKey longIdleNoSkill = ready("1001", 300, Map.of());
        AgentKey qualified = ready("1007", 20, Map.of("sales", 2));
        AgentKey better = ready("1009", 10, Map.of("sales", 4));
        caller("c1", 10);

        assertThat(serve("LONGEST_IDLE", salesAtLeast(2))).isEqualTo(1);

        RecordingOfferDesk.Offer offer = desk.offers().get(0);
        assertThat(offer.extensions()).containsExactly("1007");
        RoutingDecision decision = offer.decision();
        assertThat(decision.chosen()).containsExactly(qualified);
        assertThat(decision.excludedFor(Exclusion.BELOW_SKILL_MINIMUM)).containsExactly(longIdleNoSkill);
        assertThat(decision.excludedFor(Exclusion.RANKED_LOWER)).containsExactly(better);
        assertThat(decision.eligible()).isEqualTo(2);
        assertThat(decision.strategy()).isEqualTo("LONGEST_IDLE");
    }

    @Test
    void skillsBasedOffersTheBestMatchFirst() {
        ready("1006", 300, Map.of("sales", 2));
        ready("1010", 5, Map.of("sales", 5));
        caller("c1", 10);

        serve("SKILLS_BASED", salesAtLeast(1));

        assertThat(desk.offers().get(0).extensions()).containsExactly("1010");
        assertThat(desk.offers().get(0).reserved().get(0).why()).contains("1010").contains("sales ≥ 1");
    }

    @Test
    void aStepWidensAtItsExpiryAndTheCallerKeepsItsPlace() {
        SkillRequirements steps = new SkillRequirements(List.of(SkillCondition.of("sales", 1)),
                List.of(SkillStep.lasting(Duration.ofSeconds(30), SkillCondition.of("sales", 4)),
                        SkillStep.forever(SkillCondition.of("sales", 2))), false);
        AgentKey junior = ready("1007", 100, Map.of("sales", 2));
        caller("c1", 0);

        assertThat(serve("LONGEST_IDLE", steps)).as("step 1 wants sales 4").isZero();
        clock.advance(Duration.ofSeconds(29));
        assertThat(serve("LONGEST_IDLE", steps)).as("one second before the expiry").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(serve("LONGEST_IDLE", steps)).as("step 2 from 30 s").isEqualTo(1);

        assertThat(desk.offers().get(0).decision().chosen()).containsExactly(junior);
    }

    @Test
    void aCallerNoFreeAgentQualifiesForDoesNotHoldUpTheNextOne() {
        SkillRequirements steps = new SkillRequirements(List.of(),
                List.of(SkillStep.lasting(Duration.ofSeconds(60), SkillCondition.of("sales", 5)), SkillStep.forever(SkillCondition.of("sales", 1))),
                false);
        ready("1007", 100, Map.of("sales", 2));
        caller("waited-short", 5);
        caller("waited-long", 90);

        assertThat(serve("LONGEST_IDLE", steps)).isEqualTo(1);

        assertThat(desk.offeredCallers()).containsExactly("waited-long");
        assertThat(queue.all()).extracting(QueueEntry::callId).containsExactly("waited-short");
    }

    @Test
    void theDecisionNamesMembersThatCouldNotTakeAnyCallAndWhy() {
        ready("1007", 100, Map.of("sales", 3));
        Instant earlier = clock.instant().minusSeconds(50);
        AgentStatus paused = AgentStatus.loggedOut(new AgentKey(DEMO, "1008"), earlier).goReady(earlier).pause("LUNCH", earlier);
        board.put(paused);
        members.add(new SkilledMember(paused.agent(), 0, 3, 3, new AgentSkills(Map.of(new SkillName("sales"), 3))));
        caller("c1", 10);

        serve("LONGEST_IDLE", salesAtLeast(1));

        RoutingDecision decision = desk.offers().get(0).decision();
        assertThat(decision.excludedFor(Exclusion.PAUSED)).containsExactly(paused.agent());
        assertThat(decision.considered()).filteredOn(c -> c.agent().equals(paused.agent()))
                .singleElement().satisfies(c -> assertThat(c.detail()).isEqualTo("PAUSED: LUNCH"));
        assertThat(decision.excludedCounts()).containsEntry(Exclusion.PAUSED, 1);
    }


    @Test
    void skillsTheCallItselfNeedsJoinTheGroupsMinimum() {
        ready("1006", 300, Map.of("sales", 5));
        AgentKey bilingual = ready("1007", 10, Map.of("sales", 2, "french", 3));
        queue.add(new QueueEntry("c1", DEMO, SALES, 0, clock.instant().minusSeconds(5), "node-a")
                .needing(List.of(SkillCondition.of("french", 2))));

        serve("LONGEST_IDLE", salesAtLeast(1));

        RoutingDecision decision = desk.offers().get(0).decision();
        assertThat(decision.chosen()).containsExactly(bilingual);
        assertThat(decision.excludedFor(Exclusion.BELOW_SKILL_MINIMUM)).extracting(AgentKey::extension).containsExactly("1006");
    }

    @Test
    void theCallersLastAgentHasTheFirstTryThenTheGroupsStrategyDecides() {
        AgentKey longestIdle = ready("1006", 300, Map.of("sales", 3));
        AgentKey last = new AgentKey(DEMO, "1009");
        queue.add(new QueueEntry("c1", DEMO, SALES, 0, clock.instant(), "node-a").preferring(last, clock.instant().plusSeconds(20)));

        assertThat(serve("LONGEST_IDLE", salesAtLeast(1))).as("1009 is not free: the caller waits for it").isZero();
        clock.advance(Duration.ofSeconds(20));
        assertThat(serve("LONGEST_IDLE", salesAtLeast(1))).isEqualTo(1);

        assertThat(desk.offers().get(0).decision().chosen()).containsExactly(longestIdle);
    }

    @Test
    void theLastAgentGetsItFirstWhenFreeAndTheOthersAreNamedAsWaitingForIt() {
        AgentKey longestIdle = ready("1006", 300, Map.of("sales", 3));
        AgentKey last = ready("1009", 5, Map.of("sales", 1));
        queue.add(new QueueEntry("c1", DEMO, SALES, 0, clock.instant(), "node-a").preferring(last, clock.instant().plusSeconds(20)));

        serve("LONGEST_IDLE", salesAtLeast(1));

        RoutingDecision decision = desk.offers().get(0).decision();
        assertThat(decision.chosen()).containsExactly(last);
        assertThat(decision.excludedFor(Exclusion.LAST_AGENT_FIRST)).containsExactly(longestIdle);
    }
}
