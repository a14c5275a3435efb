package io.verbund.acd.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.tenant.TenantKey;
import io.verbund.acd.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgentLeaseTest {

    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final String CALL = "a84b4c76e66710@pc33.example.com";
    private static final Set<String> BOTH = Set.of("node-a", "node-b");

    private static final AgentLease.HeldCalls HOLDS_IT = (call, agent) -> true;
    private static final AgentLease.HeldCalls GONE = (call, agent) -> false;

    private final MovableClock clock = new MovableClock(T0);
    private final AgentLease onA = new AgentLease("node-a", GRACE);
    private final AgentLease onB = new AgentLease("node-b", GRACE);

    /** How an engaged agent got where it is, from READY at T0, each step a second later, all for CALL on node-a. */
    enum Engagement {
        RESERVED(s -> s),
        RINGING(s -> s.ring(s.since().plusSeconds(1))),
        ON_CALL(s -> s.ring(s.since().plusSeconds(1)).answer(s.since().plusSeconds(2))),
        WRAP_UP(s -> s.ring(s.since().plusSeconds(1)).answer(s.since().plusSeconds(2)).endCall(30, 0, s.since().plusSeconds(3)));

        private final Function<AgentStatus, AgentStatus> fromReserved;

        Engagement(Function<AgentStatus, AgentStatus> fromReserved) {
            this.fromReserved = fromReserved;
        }

        AgentStatus on(String node, Instant reservedAt) {
            AgentStatus ready = AgentStatus.loggedOut(AGENT, reservedAt.minusSeconds(60)).goReady(reservedAt.minusSeconds(60));
            return fromReserved.apply(ready.reserve(CALL, node, reservedAt));
        }
    }

    private AgentStatus engaged(Engagement how) {
        AgentStatus status = how.on("node-a", clock.instant());
        clock.set(status.since());
        return status;
    }

    private void pastTheGrace(AgentStatus status) {
        clock.set(status.since().plus(GRACE).plusSeconds(1));
    }

    private Optional<ReleaseReason> judge(AgentLease lease, AgentStatus status, Set<String> members, AgentLease.HeldCalls calls,
                                          boolean registered) {
        return lease.expired(status, members, calls, registered, clock.instant());
    }

    @Nested
    class TheNodeLeft {

        @ParameterizedTest
        @EnumSource(Engagement.class)
        void anAgentOfANodeMissingFromTheClusterIsReleased(Engagement how) {
            AgentStatus status = engaged(how);
            pastTheGrace(status);

            assertThat(judge(onB, status, Set.of("node-b"), HOLDS_IT, true)).contains(ReleaseReason.NODE_LEFT);
        }

        @Test
        void everyNodeJudgesTheAgentsOfADepartedNodeTheSame() {
            AgentStatus status = engaged(Engagement.ON_CALL);
            pastTheGrace(status);
            AgentLease onC = new AgentLease("node-c", GRACE);

            assertThat(judge(onB, status, Set.of("node-b", "node-c"), GONE, false)).contains(ReleaseReason.NODE_LEFT);
            assertThat(judge(onC, status, Set.of("node-b", "node-c"), HOLDS_IT, true)).contains(ReleaseReason.NODE_LEFT);
            assertThat(judge(onA, status, Set.of("node-b", "node-c"), HOLDS_IT, true)).contains(ReleaseReason.NODE_LEFT);
        }

        @Test
        void aFreshReservationOfANodeNotYetInThisViewIsLeftAloneUntilTheGraceEnds() {
            // A node that has just joined may reserve before every other node's view shows it.
            AgentStatus status = engaged(Engagement.RESERVED);
            clock.set(status.since().plus(GRACE).minusMillis(1));

            assertThat(judge(onB, status, Set.of("node-b"), HOLDS_IT, true)).isEmpty();
            pastTheGrace(status);
            assertThat(judge(onB, status, Set.of("node-b"), HOLDS_IT, true)).contains(ReleaseReason.NODE_LEFT);
        }

        @Test
        void anEmptyMemberSetIsUnknownAndNeverMeansTheNodeLeft() {
            AgentStatus status = engaged(Engagement.ON_CALL);
            pastTheGrace(status);

            assertThat(judge(onB, status, Set.of(), HOLDS_IT, true)).isEmpty();
            assertThat(judge(onB, status, Set.of(), GONE, false)).as("not node-b's call").isEmpty();
        }

        @Test
        void withAnEmptyMemberSetTheHoldingNodeStillJudgesItsOwnCalls() {
            AgentStatus status = engaged(Engagement.ON_CALL);
            pastTheGrace(status);

            assertThat(judge(onA, status, Set.of(), GONE, true)).contains(ReleaseReason.CALL_GONE);
        }
    }

    @Nested
    class TheHoldingNodeJudgesItsOwnCalls {

        @ParameterizedTest
        @EnumSource(value = Engagement.class, names = {"RESERVED", "RINGING", "ON_CALL"})
        void anAgentTheCallNoLongerInvolvesIsReleased(Engagement how) {
            AgentStatus status = engaged(how);
            pastTheGrace(status);
            List<String> asked = new ArrayList<>();
            AgentLease.HeldCalls withoutThisAgent = (call, agent) -> {
                asked.add(call + " " + agent);
                return false;
            };

            assertThat(judge(onA, status, BOTH, withoutThisAgent, true)).contains(ReleaseReason.CALL_GONE);
            assertThat(asked).containsExactly(CALL + " demo/1001");
        }

        @ParameterizedTest
        @EnumSource(value = Engagement.class, names = {"RESERVED", "RINGING", "ON_CALL"})
        void anAgentWhosePhoneUnregisteredIsReleased(Engagement how) {
            AgentStatus status = engaged(how);
            pastTheGrace(status);

            assertThat(judge(onA, status, BOTH, HOLDS_IT, false)).contains(ReleaseReason.PHONE_UNREGISTERED);
        }

        @ParameterizedTest
        @EnumSource(value = Engagement.class, names = {"RESERVED", "RINGING", "ON_CALL"})
        void anAgentInACallThatGoesOnWithAPhoneRegisteredKeepsItsLease(Engagement how) {
            AgentStatus status = engaged(how);
            pastTheGrace(status);

            assertThat(judge(onA, status, BOTH, HOLDS_IT, true)).isEmpty();
        }

        @Test
        void aFreshEngagementIsLeftAloneUntilItsGraceEnds() {
            AgentStatus reserved = engaged(Engagement.RESERVED);

            assertThat(judge(onA, reserved, BOTH, GONE, false)).as("just reserved").isEmpty();
            clock.set(reserved.since().plus(GRACE).minusMillis(1));
            assertThat(judge(onA, reserved, BOTH, GONE, true)).as("the offer may not be set up yet").isEmpty();
            assertThat(judge(onA, reserved, BOTH, HOLDS_IT, false)).as("the phone may be re-registering").isEmpty();

            clock.advance(Duration.ofMillis(2));

            assertThat(judge(onA, reserved, BOTH, GONE, true)).contains(ReleaseReason.CALL_GONE);
            assertThat(judge(onA, reserved, BOTH, HOLDS_IT, false)).contains(ReleaseReason.PHONE_UNREGISTERED);
        }

        @Test
        void anotherLiveNodesAgentsAreNotThisNodesToJudge() {
            AgentStatus status = engaged(Engagement.ON_CALL);
            pastTheGrace(status);

            assertThat(judge(onB, status, BOTH, GONE, false)).isEmpty();
        }

        @Test
        void inWrapUpOnlyTheNodeLeavingEndsTheLease() {
            AgentStatus wrapUp = engaged(Engagement.WRAP_UP);
            pastTheGrace(wrapUp);

            assertThat(judge(onA, wrapUp, BOTH, GONE, false)).as("the call is over anyway; the node runs the timer").isEmpty();
            assertThat(judge(onB, wrapUp, Set.of("node-b"), GONE, false)).contains(ReleaseReason.NODE_LEFT);
        }
    }

    @Nested
    class AgentsWithoutALease {

        @ParameterizedTest
        @EnumSource(value = AgentState.class, names = {"LOGGED_OUT", "READY", "PAUSED"})
        void anAgentNotEngagedNeverExpiresEvenIfItsStatusNamesADepartedNode(AgentState state) {
            // Hand-made: no transition leaves a node on a free agent, but a stale or foreign writer might.
            AgentStatus status = new AgentStatus(AGENT, state, T0, T0, Optional.empty(), Optional.of(CALL), Optional.of("node-a"),
                    0, Instant.EPOCH, WrapUpPeriod.NONE);
            pastTheGrace(status);

            assertThat(judge(onA, status, Set.of("node-b"), GONE, false)).isEmpty();
            assertThat(judge(onB, status, Set.of("node-b"), GONE, false)).isEmpty();
        }

        @Test
        void aLegacyStatusWithoutANodeNeverExpires() {
            String v1 = String.join("|", "v1", "demo/1001", "ON_CALL", Long.toString(T0.toEpochMilli()),
                    Long.toString(T0.minusSeconds(60).toEpochMilli()), "", CALL, "0", "0");
            AgentStatus legacy = AgentStatusCodec.decode(v1);
            assertThat(legacy.node()).isEmpty();
            pastTheGrace(legacy);

            assertThat(judge(onA, legacy, Set.of("node-b"), GONE, false)).isEmpty();
            assertThat(judge(onB, legacy, Set.of("node-b"), GONE, false)).isEmpty();
            assertThat(judge(onA, legacy, Set.of(), GONE, false)).isEmpty();
        }
    }

    @Nested
    class TheNodeChecksItsAgentsAreStillEngaged {

        @Test
        void anAgentForcedAwayWhileRingingIsNoLongerEngagedWithTheCall() {
            AgentStatus ringing = engaged(Engagement.RINGING);
            assertThat(ringing.isEngagedWith(CALL)).isTrue();

            AgentStatus forcedOut = ringing.force(AgentState.LOGGED_OUT, Optional.empty(), clock.instant());

            assertThat(forcedOut.isEngagedWith(CALL)).isFalse();
            pastTheGrace(forcedOut);
            assertThat(judge(onA, forcedOut, BOTH, GONE, false)).as("nothing left to release").isEmpty();
        }

        @Test
        void anAgentForcedToPauseOrReadyDuringACallIsNoLongerEngagedWithIt() {
            AgentStatus talking = engaged(Engagement.ON_CALL);

            assertThat(talking.force(AgentState.PAUSED, Optional.of("MEETING"), clock.instant()).isEngagedWith(CALL)).isFalse();
            assertThat(talking.force(AgentState.READY, Optional.empty(), clock.instant()).isEngagedWith(CALL)).isFalse();
        }

        @ParameterizedTest
        @EnumSource(Engagement.class)
        void anAgentWhoseStatusLagsBehindItsAnswerIsStillEngaged(Engagement how) {
            AgentStatus status = engaged(how);

            assertThat(status.isEngagedWith(CALL)).isTrue();
            assertThat(status.isEngagedWith("another-call@pc33.example.com")).isFalse();
        }

        @Test
        void aReleasedAgentIsFreeAndNoLongerEngaged() {
            AgentStatus ringing = engaged(Engagement.RINGING);
            pastTheGrace(ringing);
            Optional<ReleaseReason> reason = judge(onA, ringing, BOTH, GONE, true);
            assertThat(reason).contains(ReleaseReason.CALL_GONE);

            AgentStatus released = ringing.release(clock.instant());

            assertThat(released.state()).isEqualTo(AgentState.READY);
            assertThat(released.isEngagedWith(CALL)).isFalse();
            assertThat(judge(onA, released, Set.of("node-b"), GONE, false)).isEmpty();
        }
    }
}
