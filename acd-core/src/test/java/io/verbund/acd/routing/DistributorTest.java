package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.routing.RecordingOfferDesk.Offer;
import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributorTest {

    private static final TenantKey DEMO = new TenantKey("demo");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final long GROUP = 7;

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryAgentBoard board = new InMemoryAgentBoard();
    private final InMemoryQueue queue = new InMemoryQueue("node-a");
    private final Set<AgentKey> unregistered = new HashSet<>();
    private final RecordingOfferDesk desk = new RecordingOfferDesk();
    private final List<Member> members = new ArrayList<>();
    private final FixedWorkloads workloads = new FixedWorkloads();
    private final InMemoryCursors cursors = new InMemoryCursors();

    private Distributor distributorOn(InMemoryQueue view) {
        return new Distributor(view.node(), clock, board, view, (member, now) -> !unregistered.contains(member.agent()),
                workloads, cursors, desk);
    }

    private int serve(String strategy) {
        return distributorOn(queue).serve(new Group(GROUP, strategy, members));
    }

    private int serve() {
        return serve("LONGEST_IDLE");
    }

    private static AgentKey agent(String extension) {
        return new AgentKey(DEMO, extension);
    }

    /** A member READY for {@code idleSeconds} by now. */
    private AgentKey ready(String extension, long idleSeconds) {
        return member(extension, idleSeconds, 0, 0);
    }

    private AgentKey member(String extension, long idleSeconds, int penalty, int proficiency) {
        Instant since = clock.instant().minusSeconds(idleSeconds);
        AgentStatus status = AgentStatus.loggedOut(agent(extension), since).goReady(since);
        board.put(status);
        members.add(new Member(status.agent(), penalty, proficiency, members.size() + 1));
        return status.agent();
    }

    /** A member whose status is whatever the test put on the board. */
    private AgentKey memberWith(AgentStatus status) {
        board.put(status);
        members.add(new Member(status.agent(), 0, 0, members.size() + 1));
        return status.agent();
    }

    private static AgentStatus readyAt(String extension, Instant since) {
        return AgentStatus.loggedOut(agent(extension), since).goReady(since);
    }

    private QueueEntry caller(String callId, int priority, long waitedSeconds, String node) {
        QueueEntry entry = new QueueEntry(callId, DEMO, GROUP, priority, clock.instant().minusSeconds(waitedSeconds), node);
        queue.add(entry);
        return entry;
    }

    private QueueEntry caller(String callId, long waitedSeconds) {
        return caller(callId, 0, waitedSeconds, "node-a");
    }

    private AgentStatus status(AgentKey agent) {
        return board.current(agent, clock.instant());
    }

    private Offer onlyOffer() {
        assertThat(desk.offers()).hasSize(1);
        return desk.offers().get(0);
    }

    @Nested
    class WhoGetsServedFirst {

        @Test
        void offersTheLongestWaitingCallerOfTheHighestPriorityFirst() {
            caller("low-early", 0, 300, "node-a");
            caller("high-late", 5, 10, "node-a");
            QueueEntry highEarly = caller("high-early", 5, 20, "node-a");
            ready("1001", 60);

            assertThat(serve()).isEqualTo(1);

            assertThat(onlyOffer().caller()).isEqualTo(highEarly);
            assertThat(queue.all()).extracting(QueueEntry::callId).containsExactlyInAnyOrder("low-early", "high-late");
        }

        @Test
        void servesCallersInQueueOrderWhileAgentsRemain() {
            caller("low-early", 0, 300, "node-a");
            caller("high-late", 5, 10, "node-a");
            caller("high-early", 5, 20, "node-a");
            ready("1001", 60);
            ready("1002", 50);
            ready("1003", 40);

            assertThat(serve()).isEqualTo(3);

            assertThat(desk.offeredCallers()).containsExactly("high-early", "high-late", "low-early");
            assertThat(desk.offers()).extracting(o -> o.extensions().get(0)).containsExactly("1001", "1002", "1003");
            assertThat(queue.all()).isEmpty();
        }

        @Test
        void offersTheLongestIdleAgentFirst() {
            caller("c1", 5);
            ready("1001", 10);
            ready("1002", 300);
            ready("1003", 60);

            serve();

            assertThat(onlyOffer().extensions()).containsExactly("1002");
            assertThat(status(agent("1002")).state()).isEqualTo(AgentState.RESERVED);
            assertThat(status(agent("1001")).state()).isEqualTo(AgentState.READY);
            assertThat(status(agent("1003")).state()).isEqualTo(AgentState.READY);
        }

        @Test
        void aLowerPenaltyIsOfferedFirstEvenWhenIdleForLess() {
            caller("c1", 20);
            caller("c2", 10);
            member("1001", 600, 1, 0);
            member("1002", 5, 0, 0);

            serve();

            assertThat(desk.offers()).extracting(o -> o.caller().callId() + "->" + o.extensions())
                    .containsExactly("c1->[1002]", "c2->[1001]");
        }

        @Test
        void skillsBasedOffersTheMostProficientAgent() {
            caller("c1", 5);
            member("1001", 600, 0, 2);
            member("1002", 5, 0, 7);
            member("1003", 300, 0, 4);

            serve("SKILLS_BASED");

            Offer offer = onlyOffer();
            assertThat(offer.extensions()).containsExactly("1002");
            assertThat(offer.reserved().get(0).why()).contains("proficiency 7");
        }

        @Test
        void skillsBasedPrefersTheLongestIdleAmongEquallyProficientAgents() {
            caller("c1", 5);
            member("1001", 30, 0, 5);
            member("1002", 90, 0, 5);

            serve("SKILLS_BASED");

            assertThat(onlyOffer().extensions()).containsExactly("1002");
        }

        @Test
        void ringAllReservesEveryFreeRegisteredAgentForOneCaller() {
            QueueEntry first = caller("c1", 20);
            caller("c2", 10);
            ready("1001", 30);
            ready("1002", 90);
            ready("1003", 60);
            unregistered.add(ready("1004", 500));
            memberWith(AgentStatus.loggedOut(agent("1005"), T0).pause("BREAK", T0));

            assertThat(serve("RING_ALL")).isEqualTo(1);

            Offer offer = onlyOffer();
            assertThat(offer.caller()).isEqualTo(first);
            assertThat(offer.extensions()).as("best first").containsExactly("1002", "1003", "1001");
            for (String extension : List.of("1001", "1002", "1003")) {
                assertThat(status(agent(extension)).isEngagedWith("c1")).as(extension).isTrue();
            }
            assertThat(status(agent("1004")).state()).isEqualTo(AgentState.READY);
            assertThat(status(agent("1005")).state()).isEqualTo(AgentState.PAUSED);
            assertThat(queue.all()).extracting(QueueEntry::callId).containsExactly("c2");
        }
    }

    @Nested
    class AgentsWhoCannotTakeACall {

        @Test
        void anUnregisteredPhoneIsSkippedHoweverLongItsAgentIdles() {
            caller("c1", 5);
            unregistered.add(ready("1001", 900));
            ready("1002", 10);

            serve();

            assertThat(onlyOffer().extensions()).containsExactly("1002");
            assertThat(status(agent("1001")).state()).isEqualTo(AgentState.READY);
        }

        @Test
        void withOnlyUnregisteredPhonesTheCallerKeepsWaiting() {
            QueueEntry waiting = caller("c1", 5);
            unregistered.add(ready("1001", 900));

            assertThat(serve()).isZero();

            assertThat(desk.offers()).isEmpty();
            assertThat(queue.contains(waiting)).isTrue();
            assertThat(board.writes()).isZero();
        }

        @Test
        void onlyReadyAgentsAreOffered() {
            caller("c1", 30);
            caller("c2", 20);
            Instant earlier = T0.minusSeconds(3600);
            memberWith(readyAt("1001", earlier).pause("BREAK", earlier.plusSeconds(1)));
            memberWith(AgentStatus.loggedOut(agent("1002"), earlier));
            memberWith(readyAt("1003", earlier).reserve("other", "node-b", earlier).ring(earlier).answer(earlier));
            memberWith(readyAt("1004", earlier).reserve("other-2", "node-a", earlier).ring(earlier).answer(earlier)
                    .endCall(60, 0, earlier.plusSeconds(5)));
            members.add(new Member(agent("1005"), 0, 0, members.size() + 1)); // on the board nowhere: logged out
            ready("1006", 1);

            assertThat(serve()).isEqualTo(1);

            assertThat(onlyOffer().extensions()).containsExactly("1006");
            assertThat(status(agent("1001")).state()).isEqualTo(AgentState.PAUSED);
            assertThat(status(agent("1002")).state()).isEqualTo(AgentState.LOGGED_OUT);
            assertThat(status(agent("1003")).state()).isEqualTo(AgentState.ON_CALL);
            assertThat(status(agent("1004")).state()).isEqualTo(AgentState.WRAP_UP);
            assertThat(board.stored(agent("1005"))).isEmpty();
        }

        @Test
        void anAgentBlockedForRedialIsOfferedOnceTheClockPassesItsBlock() {
            AgentStatus ready = readyAt("1001", T0.minusSeconds(600));
            AgentStatus blocked = ready.reserve("earlier", "node-a", T0.minusSeconds(20)).offerNotTaken(true, 5, 30, T0);
            memberWith(blocked);
            caller("c1", 40);

            assertThat(serve()).as("blocked until T0+30").isZero();
            clock.advanceSeconds(29);
            assertThat(serve()).as("a second before the block ends").isZero();
            assertThat(desk.offers()).isEmpty();

            clock.advanceSeconds(2);
            assertThat(serve()).isEqualTo(1);

            assertThat(onlyOffer().extensions()).containsExactly("1001");
        }

        @Test
        void aBlockedAgentLeavesTheCallerToTheNextFreeAgent() {
            AgentStatus ready = readyAt("1001", T0.minusSeconds(600));
            memberWith(ready.reserve("earlier", "node-a", T0.minusSeconds(20)).offerNotTaken(true, 5, 30, T0));
            ready("1002", 5);
            caller("c1", 40);

            serve();

            assertThat(onlyOffer().extensions()).containsExactly("1002");
            assertThat(onlyOffer().decision().considered()).filteredOn(one -> one.agent().equals(agent("1001")))
                    .singleElement().satisfies(one -> {
                        assertThat(one.excluded()).contains(Exclusion.REDIAL_DELAY);
                        assertThat(one.detail()).isEqualTo("READY, no offers until " + T0.plusSeconds(30));
                    });
        }
    }

    @Nested
    class ANodeNeverJumpsTheQueue {

        @Test
        void aCallerHeldByAnotherNodeAtTheHeadKeepsTheOnlyFreeAgentFromThisNode() {
            QueueEntry theirs = caller("theirs", 0, 60, "node-b");
            QueueEntry ours = caller("ours", 0, 30, "node-a");
            ready("1001", 100);

            assertThat(serve()).isZero();

            assertThat(desk.offers()).isEmpty();
            assertThat(queue.contains(theirs)).isTrue();
            assertThat(queue.contains(ours)).isTrue();
            assertThat(board.writes()).as("no agent reserved for a caller it will not serve").isZero();
        }

        @Test
        void aCallerHeldByAnotherNodeKeepsTheAgentItWouldGetAndThisNodesCallerTakesTheNext() {
            QueueEntry theirs = caller("theirs", 0, 60, "node-b");
            QueueEntry ours = caller("ours", 0, 30, "node-a");
            AgentKey longestIdle = ready("1001", 100);
            ready("1002", 50);

            assertThat(serve()).isEqualTo(1);

            assertThat(onlyOffer().caller()).isEqualTo(ours);
            assertThat(onlyOffer().extensions()).as("1001 is the one node-b's longest-idle pass gives its caller").containsExactly("1002");
            assertThat(onlyOffer().decision().considered()).filteredOn(one -> one.agent().equals(longestIdle)).singleElement()
                    .satisfies(one -> assertThat(one.detail()).isEqualTo("reserved for another caller in this pass"));
            assertThat(status(longestIdle).state()).as("left for node-b to reserve").isEqualTo(AgentState.READY);
            assertThat(queue.contains(theirs)).isTrue();

            assertThat(distributorOn(queue.seenFrom("node-b")).serve(new Group(GROUP, "LONGEST_IDLE", members))).isEqualTo(1);
            assertThat(desk.offers().get(1).caller()).isEqualTo(theirs);
            assertThat(desk.offers().get(1).extensions()).containsExactly("1001");
        }

        @Test
        void callersOfBothNodesTakeTurnsInQueueOrderAndAllAreServedWhenAgentsSuffice() {
            caller("theirs-1", 0, 90, "node-b");
            QueueEntry ours1 = caller("ours-1", 0, 80, "node-a");
            caller("theirs-2", 0, 70, "node-b");
            QueueEntry ours2 = caller("ours-2", 0, 60, "node-a");
            ready("1001", 100);
            ready("1002", 90);
            ready("1003", 80);
            ready("1004", 70);

            assertThat(serve()).as("node-a serves both of its callers in one pass").isEqualTo(2);

            assertThat(desk.offeredCallers()).containsExactly("ours-1", "ours-2");
            assertThat(desk.offers().get(0).caller()).isEqualTo(ours1);
            assertThat(desk.offers().get(0).extensions()).containsExactly("1002");
            assertThat(desk.offers().get(1).caller()).isEqualTo(ours2);
            assertThat(desk.offers().get(1).extensions()).containsExactly("1004");
            assertThat(distributorOn(queue.seenFrom("node-b")).serve(new Group(GROUP, "LONGEST_IDLE", members))).isEqualTo(2);
            assertThat(desk.offers().subList(2, 4)).extracting(offer -> offer.extensions().get(0)).containsExactly("1001", "1003");
            assertThat(queue.all()).isEmpty();
        }

        @Test
        void theNodeHoldingTheHeadServesIt() {
            QueueEntry theirs = caller("theirs", 0, 60, "node-b");
            caller("ours", 0, 30, "node-a");
            ready("1001", 100);

            assertThat(distributorOn(queue.seenFrom("node-b")).serve(new Group(GROUP, "LONGEST_IDLE", members))).isEqualTo(1);

            assertThat(onlyOffer().caller()).isEqualTo(theirs);
        }

        @Test
        void callersBehindAForeignCallerWaitWhenItTakesTheLastFreeAgent() {
            caller("ours-1", 0, 90, "node-a");
            caller("ours-2", 0, 80, "node-a");
            caller("theirs", 0, 70, "node-b");
            QueueEntry ours3 = caller("ours-3", 0, 60, "node-a");
            ready("1001", 100);
            ready("1002", 90);
            ready("1003", 80);

            assertThat(serve()).isEqualTo(2);

            assertThat(desk.offeredCallers()).containsExactly("ours-1", "ours-2");
            assertThat(queue.contains(ours3)).isTrue();
            assertThat(status(agent("1003")).state()).isEqualTo(AgentState.READY);
        }

        @Test
        void callersBehindAnOwnHeadWaitWhenTheAgentsRunOut() {
            caller("ours-1", 0, 90, "node-a");
            QueueEntry ours2 = caller("ours-2", 0, 80, "node-a");
            ready("1001", 100);

            assertThat(serve()).isEqualTo(1);

            assertThat(desk.offeredCallers()).containsExactly("ours-1");
            assertThat(queue.contains(ours2)).isTrue();
        }

        @Test
        void aHigherPriorityCallerOnAnotherNodeStopsThisNodeToo() {
            caller("ours", 0, 600, "node-a");
            caller("theirs-urgent", 1, 1, "node-b");
            ready("1001", 100);

            assertThat(serve()).isZero();

            assertThat(desk.offers()).isEmpty();
        }
    }

    @Nested
    class Reservations {

        @Test
        void theReservationNamesTheCallAndTheDistributorsNode() {
            InMemoryQueue onB = queue.seenFrom("node-b");
            QueueEntry held = caller("a84b4c76e66710@pc33.example.com", 0, 5, "node-b");
            AgentKey agent = ready("1001", 30);
            clock.advanceSeconds(3);

            distributorOn(onB).serve(new Group(GROUP, "LONGEST_IDLE", members));

            Reservation reservation = onlyOffer().reserved().get(0);
            assertThat(reservation.reserved().state()).isEqualTo(AgentState.RESERVED);
            assertThat(reservation.reserved().callId()).contains(held.callId());
            assertThat(reservation.reserved().node()).contains("node-b");
            assertThat(reservation.reserved().since()).isEqualTo(clock.instant());
            assertThat(reservation.member().agent()).isEqualTo(agent);
            assertThat(reservation.why()).startsWith("longest idle: 1001");
            assertThat(board.stored(agent)).as("stored, so no other node can reserve it").contains(reservation.reserved());
            assertThat(onlyOffer().group().id()).isEqualTo(GROUP);
        }

        @Test
        void aReservationLostToAConcurrentChangeTriesTheNextAgent() {
            caller("c1", 5);
            AgentKey best = ready("1001", 300);
            ready("1002", 10);
            AgentStatus takenByNodeB = status(best).reserve("other-call", "node-b", clock.instant());
            board.beforeEachWrite(expected -> {
                if (expected.agent().equals(best) && expected.state() == AgentState.READY) {
                    board.put(takenByNodeB);
                }
            });

            assertThat(serve()).isEqualTo(1);

            assertThat(onlyOffer().extensions()).containsExactly("1002");
            assertThat(status(best)).as("the other node's reservation stands").isEqualTo(takenByNodeB);
            assertThat(board.lostWrites()).isEqualTo(1);
        }

        @Test
        void whenEveryReservationIsLostTheCallerKeepsWaiting() {
            QueueEntry waiting = caller("c1", 5);
            ready("1001", 300);
            ready("1002", 10);
            board.beforeEachWrite(expected -> {
                if (expected.state() == AgentState.READY) {
                    board.put(expected.pause("MEETING", clock.instant()));
                }
            });

            assertThat(serve()).isZero();

            assertThat(desk.offers()).isEmpty();
            assertThat(queue.contains(waiting)).isTrue();
            assertThat(queue.takes()).as("a caller is taken only with an agent reserved").isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"LONGEST_IDLE", "ROUND_ROBIN", "RING_ALL", "FEWEST_CALLS", "LEAST_TALK_TIME", "RANDOM", "LINEAR",
                "SKILLS_BASED"})
        void whenAnotherThreadTookTheCallerTheReservedAgentsAreFreedAndNothingIsOffered(String strategy) {
            QueueEntry caller = caller("c1", 5);
            AgentKey first = ready("1001", 300);
            AgentKey second = ready("1002", 10);
            AgentStatus firstBefore = status(first);
            queue.beforeEachTake(taken -> {
                queue.beforeEachTake(again -> { });
                assertThat(queue.take(taken)).as("the other thread's take").isTrue();
            });

            assertThat(serve(strategy)).isZero();

            assertThat(desk.offers()).isEmpty();
            assertThat(queue.contains(caller)).isFalse();
            assertThat(queue.lostTakes()).isEqualTo(1);
            for (AgentKey agent : List.of(first, second)) {
                AgentStatus now = status(agent);
                assertThat(now.state()).as(agent.extension()).isEqualTo(AgentState.READY);
                assertThat(now.callId()).isEmpty();
                assertThat(now.node()).isEmpty();
                assertThat(now.isAvailable(clock.instant())).isTrue();
            }
            assertThat(status(first).readySince()).as("keeps its place in the idle order").isEqualTo(firstBefore.readySince());
            assertThat(status(first).noAnswers()).as("not the agent's fault").isZero();
            assertThat(cursors.isEmpty()).as("nobody was offered the call, so the rotation stays").isTrue();
        }

        @Test
        void aCallerTakenMeanwhileDoesNotStopTheCallersBehindIt() {
            caller("c1", 20);
            caller("c2", 10);
            ready("1001", 300);
            ready("1002", 10);
            queue.beforeEachTake(taken -> {
                queue.beforeEachTake(again -> { });
                queue.take(taken);
            });

            assertThat(serve()).isEqualTo(1);

            assertThat(onlyOffer().caller().callId()).isEqualTo("c2");
            assertThat(onlyOffer().extensions()).as("the agent given back is still the longest idle").containsExactly("1001");
            assertThat(status(agent("1002")).state()).isEqualTo(AgentState.READY);
        }

        @Test
        void theOnlyAgentGivenBackAfterALostTakeServesTheNextCallerInTheSamePass() {
            caller("c1", 20);
            caller("c2", 10);
            AgentKey only = ready("1001", 300);
            AgentStatus before = status(only);
            queue.beforeEachTake(taken -> {
                queue.beforeEachTake(again -> { });
                queue.take(taken);
            });
            List<AgentStatus> seenWhenGivenBack = new java.util.ArrayList<>();
            board.beforeEachWrite(expected -> {
                if (expected.state() == AgentState.RESERVED) {
                    seenWhenGivenBack.add(expected);
                }
            });

            assertThat(serve()).isEqualTo(1);

            assertThat(onlyOffer().caller().callId()).isEqualTo("c2");
            assertThat(seenWhenGivenBack).as("given back exactly once").hasSize(1);
            assertThat(onlyOffer().reserved().get(0).ready()).as("restored exactly as it was").isEqualTo(before);
        }
    }

    @Nested
    class StrategiesThatRememberOrDraw {

        /** The agent talks for a minute and is free again, idle from now. */
        private void talkAndHangUp(AgentKey agent) {
            AgentStatus reserved = status(agent);
            clock.advanceSeconds(60);
            assertThat(board.compareAndSet(reserved, reserved.ring(clock.instant()).answer(clock.instant())
                    .endCall(0, 0, clock.instant()))).isTrue();
        }

        private String servedOnePass(String strategy, String callId) {
            caller(callId, 5);
            int before = desk.offers().size();
            assertThat(serve(strategy)).isEqualTo(1);
            Offer offer = desk.offers().get(before);
            assertThat(offer.caller().callId()).isEqualTo(callId);
            return offer.extensions().get(0);
        }

        @Test
        void roundRobinAdvancesAcrossPassesAndWrapsToTheTopOfTheList() {
            ready("1001", 10);
            ready("1002", 20);
            ready("1003", 300);
            List<String> offered = new ArrayList<>();

            for (int pass = 1; pass <= 4; pass++) {
                String extension = servedOnePass("ROUND_ROBIN", "c" + pass);
                offered.add(extension);
                assertThat(cursors.lastOffered(GROUP)).as("pass %s", pass).contains(agent(extension));
                talkAndHangUp(agent(extension));
            }

            assertThat(offered).as("member order, not longest idle").containsExactly("1001", "1002", "1003", "1001");
            assertThat(desk.offers().get(3).reserved().get(0).why()).isEqualTo("round robin: 1001 follows 1003, last offered");
        }

        @Test
        void roundRobinAdvancesForEachCallerOfOnePass() {
            caller("c1", 30);
            caller("c2", 20);
            caller("c3", 10);
            ready("1001", 10);
            ready("1002", 20);
            ready("1003", 300);
            cursors.offered(GROUP, agent("1001"));

            assertThat(serve("ROUND_ROBIN")).isEqualTo(3);

            assertThat(desk.offers()).extracting(o -> o.caller().callId() + "->" + o.extensions())
                    .containsExactly("c1->[1002]", "c2->[1003]", "c3->[1001]");
            assertThat(cursors.lastOffered(GROUP)).contains(agent("1001"));
        }

        @Test
        void roundRobinCarriesOnWhereAnotherNodeStoppedAndPassesOverBusyMembers() {
            ready("1001", 10);
            memberWith(readyAt("1002", T0.minusSeconds(60)).pause("BREAK", T0));
            ready("1003", 20);
            ready("1004", 30);
            cursors.offered(GROUP, agent("1001"));

            assertThat(servedOnePass("ROUND_ROBIN", "c1")).isEqualTo("1003");
        }

        @Test
        void roundRobinStartsAtTheTopWhenTheLastOfferedHasLeftTheGroup() {
            ready("1001", 10);
            ready("1002", 20);
            cursors.offered(GROUP, agent("1999"));

            assertThat(servedOnePass("ROUND_ROBIN", "c1")).isEqualTo("1001");
            assertThat(onlyOffer().reserved().get(0).why()).contains("starts the rotation");
        }

        @Test
        void otherStrategiesLeaveTheRotationAlone() {
            ready("1001", 10);
            ready("1002", 20);

            servedOnePass("LONGEST_IDLE", "c1");
            servedOnePass("LINEAR", "c2");

            assertThat(cursors.isEmpty()).isTrue();
        }

        @Test
        void randomIsTheSameForTheSameCallAndDiffersAcrossCalls() {
            List<String> callIds = List.of("call-1", "call-2", "call-3", "call-4", "call-5", "call-6", "call-7", "call-8");
            List<AgentStatus> free = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                free.add(status(ready("100" + i, 10L * i)));
            }
            List<String> firstRound = new ArrayList<>();
            List<String> secondRound = new ArrayList<>();

            for (List<String> round : List.of(firstRound, secondRound)) {
                for (String callId : callIds) {
                    free.forEach(board::put);
                    round.add(servedOnePass("RANDOM", callId));
                }
            }

            assertThat(secondRound).as("the same call, the same agent").isEqualTo(firstRound);
            assertThat(new HashSet<>(firstRound)).as("agents drawn first for %s", callIds).hasSizeGreaterThanOrEqualTo(3);
            assertThat(desk.offers().get(0).reserved().get(0).why()).startsWith("random: " + firstRound.get(0) + " drew ");
        }

        @Test
        void workloadStrategiesRankByTodaysFiguresFromThePort() {
            List<AgentStatus> free = List.of(status(ready("1001", 300)), status(ready("1002", 10)), status(ready("1003", 60)));
            workloads.set(agent("1001"), 9, Duration.ofMinutes(5))
                    .set(agent("1002"), 2, Duration.ofMinutes(50))
                    .set(agent("1003"), 5, Duration.ofMinutes(1));
            List<String> chosen = new ArrayList<>();

            for (String strategy : List.of("FEWEST_CALLS", "LEAST_CALLS", "LEAST_TALK_TIME")) {
                free.forEach(board::put);
                chosen.add(servedOnePass(strategy, "call-" + strategy));
            }

            assertThat(chosen).as("not the longest idle, 1001").containsExactly("1002", "1002", "1003");
            assertThat(desk.offers().get(0).reserved().get(0).why()).isEqualTo("fewest calls: 1002 took 2 today");
            assertThat(desk.offers().get(2).reserved().get(0).why()).isEqualTo("least talk time: 1003 talked 60 s today");
        }
    }

    @Test
    void anEmptyQueueDoesNothing() {
        ready("1001", 300);
        AgentStatus before = status(agent("1001"));

        assertThat(serve()).isZero();

        assertThat(desk.offers()).isEmpty();
        assertThat(board.writes()).isZero();
        assertThat(status(agent("1001"))).isEqualTo(before);
    }

    @Test
    void callersOfOtherGroupsAreNotServed() {
        QueueEntry elsewhere = new QueueEntry("c1", DEMO, GROUP + 1, 9, T0.minusSeconds(600), "node-a");
        queue.add(elsewhere);
        ready("1001", 300);

        assertThat(serve()).isZero();

        assertThat(desk.offers()).isEmpty();
        assertThat(queue.contains(elsewhere)).isTrue();
    }

    @Nested
    class Consultations {

        @Test
        void aConsultationOfAGroupReservesTheAgentItsStrategyRanksFirstAndNoCallerIsNeeded() {
            ready("1001", 30);
            AgentKey longest = ready("1002", 90);
            memberWith(readyAt("1003", T0.minusSeconds(300)).pause("LUNCH", T0.minusSeconds(200)));

            var reserved = distributorOn(queue).reserveForConsultation(new Group(GROUP, "LONGEST_IDLE", members), DEMO, "call-1");

            assertThat(reserved).hasValueSatisfying(taken -> {
                assertThat(taken.member().agent()).as("idle longest among the free ones").isEqualTo(longest);
                assertThat(taken.reserved().state()).isEqualTo(AgentState.RESERVED);
            });
            assertThat(board.current(longest, T0).state()).as("no caller is offered to it meanwhile").isEqualTo(AgentState.RESERVED);
            assertThat(desk.offers()).as("nothing is offered from a queue").isEmpty();
        }

        @Test
        void noFreeAgentMeansNoConsultation() {
            memberWith(readyAt("1003", T0.minusSeconds(300)).pause("LUNCH", T0.minusSeconds(200)));
            unregistered.add(ready("1004", 50));

            assertThat(distributorOn(queue).reserveForConsultation(new Group(GROUP, "ROUND_ROBIN", members), DEMO, "call-1")).isEmpty();
        }
    }
}
