package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.time.MovableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent in several groups takes the best caller waiting in any of them: one order over all. */
class AcrossGroupsTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final long SUPPORT = 7;
    private static final long SALES = 8;

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryAgentBoard board = new InMemoryAgentBoard();
    private final InMemoryQueue queue = new InMemoryQueue("node-a");
    private final RecordingOfferDesk desk = new RecordingOfferDesk();

    private Member ready(String extension, long idleSeconds, int position) {
        Instant since = T0.minusSeconds(idleSeconds);
        AgentStatus status = AgentStatus.loggedOut(new AgentKey(DEMO, extension), since).goReady(since);
        board.put(status);
        return new Member(status.agent(), 0, 0, position);
    }

    private void caller(String callId, long group, int priority, long waitedSeconds) {
        queue.add(new QueueEntry(callId, DEMO, group, priority, T0.minusSeconds(waitedSeconds), "node-a"));
    }

    private int serve(RoutingGroup... groups) {
        return new Distributor("node-a", clock, board, queue, (member, now) -> true, (agent, now) -> AgentWorkload.NONE,
                new InMemoryCursors(), desk).serve(List.of(groups));
    }

    @Test
    void anAgentInTwoGroupsTakesTheOlderCallerOfTheOtherGroup() {
        Member shared = ready("1001", 60, 1);
        caller("support-new", SUPPORT, 0, 10);
        caller("sales-old", SALES, 0, 90);

        assertThat(serve(new Group(SUPPORT, "LONGEST_IDLE", List.of(shared)), new Group(SALES, "LONGEST_IDLE", List.of(shared))))
                .isEqualTo(1);

        assertThat(desk.offeredCallers()).containsExactly("sales-old");
        assertThat(queue.all()).extracting(QueueEntry::callId).containsExactly("support-new");
    }

    @Test
    void priorityNinetyOvertakesTenAcrossGroupsHoweverLongTenWaited() {
        Member shared = ready("1001", 60, 1);
        caller("ten-waited-long", SUPPORT, 10, 600);
        caller("ninety-just-came", SALES, 90, 1);

        serve(new Group(SUPPORT, "LONGEST_IDLE", List.of(shared)), new Group(SALES, "LONGEST_IDLE", List.of(shared)));

        assertThat(desk.offeredCallers()).containsExactly("ninety-just-came");
    }

    @Test
    void eachAgentGoesOnceAndTheOtherGroupsDecisionSaysItWasTakenInThisPass() {
        Member shared = ready("1001", 60, 1);
        Member salesOnly = ready("1006", 30, 2);
        caller("sales-old", SALES, 0, 90);
        caller("support", SUPPORT, 0, 50);
        caller("sales-new", SALES, 0, 10);

        assertThat(serve(new Group(SALES, "LONGEST_IDLE", List.of(shared, salesOnly)),
                new Group(SUPPORT, "LONGEST_IDLE", List.of(shared)))).isEqualTo(2);

        assertThat(desk.offers()).extracting(offer -> offer.caller().callId() + ">" + offer.extensions().get(0))
                .containsExactly("sales-old>1001", "sales-new>1006");
        assertThat(queue.all()).extracting(QueueEntry::callId).containsExactly("support");
        assertThat(board.current(shared.agent(), T0).state().name()).isEqualTo("RESERVED");
        assertThat(desk.offers().get(1).decision().excludedFor(Exclusion.BUSY_ELSEWHERE)).containsExactly(shared.agent());
    }

    @Test
    void theOrderOfTheGroupsGivenDoesNotChangeTheDecision() {
        Member shared = ready("1001", 60, 1);
        caller("support-old", SUPPORT, 0, 90);
        caller("sales-new", SALES, 0, 10);

        serve(new Group(SALES, "LONGEST_IDLE", List.of(shared)), new Group(SUPPORT, "LONGEST_IDLE", List.of(shared)));

        assertThat(desk.offeredCallers()).containsExactly("support-old");
    }

    /** A group whose callers' wait counts {@code weight} times against the other groups'. */
    private record Weighted(long id, double weight, List<Member> members) implements RoutingGroup {

        @Override
        public String strategy() {
            return "LONGEST_IDLE";
        }
    }

    @Test
    void aGroupOfWeightTwoHasItsCallersWaitCountDouble() {
        Member shared = ready("1001", 60, 1);
        caller("support-30s", SUPPORT, 0, 30);
        caller("sales-20s", SALES, 0, 20);

        serve(new Weighted(SUPPORT, 1, List.of(shared)), new Weighted(SALES, 2, List.of(shared)));

        assertThat(desk.offeredCallers()).as("20 s x 2 is more than 30 s x 1").containsExactly("sales-20s");
    }

    @Test
    void aGroupOfWeightZeroWaitsForTheOthersOfItsPriorityButNotForLowerOnes() {
        Member shared = ready("1001", 60, 1);
        Member second = ready("1002", 50, 2);
        caller("support-waited-long", SUPPORT, 0, 600);
        caller("sales-just-came", SALES, 0, 1);
        caller("support-urgent", SUPPORT, 5, 1);

        serve(new Weighted(SUPPORT, 0, List.of(shared, second)), new Weighted(SALES, 1, List.of(shared, second)));

        assertThat(desk.offeredCallers()).containsExactly("support-urgent", "sales-just-came");
    }

    @Test
    void withinAWeightedGroupTheLongestWaitingComesFirst() {
        Member shared = ready("1001", 60, 1);
        caller("sales-new", SALES, 0, 5);
        caller("sales-old", SALES, 0, 50);
        caller("support", SUPPORT, 0, 40);

        serve(new Weighted(SUPPORT, 1, List.of(shared)), new Weighted(SALES, 3, List.of(shared)));

        assertThat(desk.offeredCallers()).containsExactly("sales-old");
    }
}
