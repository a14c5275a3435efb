package io.verbund.acd.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.call.CallEvent.CallAbandoned;
import io.verbund.acd.call.CallEvent.CallAnswered;
import io.verbund.acd.call.CallEvent.CallEnded;
import io.verbund.acd.call.CallEvent.CallOffered;
import io.verbund.acd.call.CallEvent.CallQueued;
import io.verbund.acd.call.CallEvent.OfferNotTaken;
import io.verbund.acd.call.CallEvent.OfferWithdrawn;
import io.verbund.acd.tenant.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallTest {

    private static final CallId ID = new CallId("a84b4c76e66710@pc33.example.com");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final TenantKey DEMO = new TenantKey("demo");
    private static final AgentKey A1001 = new AgentKey(DEMO, "1001");
    private static final AgentKey A1002 = new AgentKey(DEMO, "1002");
    private static final long SUPPORT = 7;
    private static final TransferTarget HOTLINE = TransferTarget.number("+4940123456");
    private static final TransferTarget TO_1002 = TransferTarget.agent("1002");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** The call's named transitions as its documentation states them: from which phases, to which. */
    enum Transition {
        QUEUED(call -> call.queued(SUPPORT, 5, at(1)), CallPhase.QUEUED, CallPhase.ROUTING),
        LEFT_QUEUE(Call::leftQueue, CallPhase.ROUTING, CallPhase.QUEUED),
        ROUTING_DECIDED(call -> call.routingDecided(new io.verbund.acd.routing.RoutingDecision.Builder(SUPPORT, "LONGEST_IDLE", at(2))
                .chose(A1002, "idle 5 s").build(), at(2)), CallPhase.QUEUED, CallPhase.QUEUED),
        OFFERED(call -> call.offeredTo(A1002, "longest idle", at(0), at(2)), CallPhase.OFFERING, CallPhase.QUEUED, CallPhase.OFFERING),
        NOT_TAKEN(call -> call.offerNotTaken(A1001, 486, at(3)), CallPhase.QUEUED, CallPhase.OFFERING),
        WITHDRAWN(call -> call.offerWithdrawn(A1001, "agent is LOGGED_OUT now", at(3)), CallPhase.QUEUED, CallPhase.OFFERING),
        ANSWERED(call -> call.answeredBy(A1001, at(4)), CallPhase.CONNECTED, CallPhase.OFFERING),
        VOICEMAIL_STARTED(Call::voicemailStarted, CallPhase.VOICEMAIL, CallPhase.ROUTING),
        VOICEMAIL_LEFT(Call::voicemailLeft, CallPhase.ROUTING, CallPhase.VOICEMAIL),
        TRANSFER_STARTED(call -> call.transferStarted(HOTLINE, null, "flow", at(3)),
                from -> from == CallPhase.ROUTING ? CallPhase.TRANSFERRING : from, CallPhase.ROUTING, CallPhase.CONNECTED),
        TRANSFER_FAILED(call -> call.transferFailed("refused with 486", at(4)), CallPhase.ROUTING, CallPhase.TRANSFERRING),
        TRANSFER_CONNECTED(call -> call.transferConnected(at(4)), CallPhase.CONNECTED, CallPhase.TRANSFERRING),
        RING_TIME_OVER(call -> call.ringTimeOver(at(17)), CallPhase.QUEUED, CallPhase.OFFERING),
        TRANSFERRED_TO_GROUP(call -> call.transferredToGroup(TransferTarget.group("Sales"), 9, "api:admin", at(8)), CallPhase.QUEUED,
                CallPhase.CONNECTED),
        PUT_ON_HOLD(call -> call.putOnHold("agent:1001", at(8)), CallPhase.CONNECTED, CallPhase.CONNECTED),
        ABANDONED(call -> call.abandoned(at(5)), CallPhase.ENDED, CallPhase.ROUTING, CallPhase.QUEUED, CallPhase.OFFERING,
                CallPhase.VOICEMAIL, CallPhase.TRANSFERRING, CallPhase.DIALLING),
        AGENT_PICKED_UP(call -> call.agentPickedUp(at(2)), CallPhase.DIALLING, CallPhase.DIALLING),
        OUTBOUND_FAILED(call -> call.outboundFailed(OutboundOutcome.BUSY, 486, "busy", "far end", at(4)), CallPhase.ENDED,
                CallPhase.DIALLING),
        ENDED(call -> call.ended("ANSWERED", "caller", at(6)), CallPhase.ENDED, CallPhase.ROUTING, CallPhase.QUEUED,
                CallPhase.OFFERING, CallPhase.VOICEMAIL, CallPhase.TRANSFERRING, CallPhase.DIALLING, CallPhase.CONNECTED);

        final Consumer<Call> apply;
        final UnaryOperator<CallPhase> to;
        final Set<CallPhase> from;

        Transition(Consumer<Call> apply, CallPhase to, CallPhase... from) {
            this(apply, any -> to, from);
        }

        Transition(Consumer<Call> apply, UnaryOperator<CallPhase> to, CallPhase... from) {
            this.apply = apply;
            this.to = to;
            this.from = EnumSet.copyOf(Arrays.asList(from));
        }
    }

    /** A fresh call of the demo tenant brought to {@code phase} by the shortest legal path (offered to 1001). */
    private static Call in(CallPhase phase) {
        Call call = new Call(ID, T0);
        if (phase == CallPhase.DIALLING) {
            call.placedFor(DEMO, A1001, "+4940123456", "+4930500100", "agent:1001", at(1));
        } else {
            call.routedTo(DEMO);
        }
        switch (phase) {
            case ROUTING -> { }
            case QUEUED -> call.queued(SUPPORT, 5, at(1));
            case OFFERING -> {
                call.queued(SUPPORT, 5, at(1));
                call.offeredTo(A1001, "longest idle", at(0), at(2));
            }
            case CONNECTED -> {
                call.queued(SUPPORT, 5, at(1));
                call.offeredTo(A1001, "longest idle", at(0), at(2));
                call.answeredBy(A1001, at(3));
            }
            case VOICEMAIL -> call.voicemailStarted();
            case TRANSFERRING -> call.transferStarted(HOTLINE, null, "flow", at(1));
            case ENDED -> call.end();
        }
        call.takeEvents();
        assertThat(call.phase()).isEqualTo(phase);
        return call;
    }

    static Stream<Arguments> everyTransitionFromEveryPhase() {
        return Arrays.stream(Transition.values())
                .flatMap(t -> Arrays.stream(CallPhase.values()).map(phase -> Arguments.of(t, phase)));
    }

    @Nested
    class NamedTransitions {

        @ParameterizedTest(name = "{0} from {1}")
        @MethodSource("io.verbund.acd.call.CallTest#everyTransitionFromEveryPhase")
        void happenOnlyFromTheirPhases(Transition transition, CallPhase phase) {
            Call call = in(phase);

            if (transition.from.contains(phase)) {
                transition.apply.accept(call);

                assertThat(call.phase()).isEqualTo(transition.to.apply(phase));
            } else {
                assertThatThrownBy(() -> transition.apply.accept(call)).isInstanceOfSatisfying(IllegalCallTransition.class, e -> {
                    assertThat(e.from()).isEqualTo(phase);
                    assertThat(e.transition()).isNotBlank();
                    assertThat(e).hasMessageContaining(phase.name()).hasMessageContaining(ID.value())
                            .hasMessageContaining(e.transition());
                });
                assertThat(call.phase()).as("a refused transition changes nothing").isEqualTo(phase);
                assertThat(call.takeEvents()).as("and records nothing").isEmpty();
            }
        }

        @Test
        void aCallerCanBeOfferedPutBackAndOfferedAgainBeforeAnAgentAnswers() {
            Call call = in(CallPhase.QUEUED);

            call.offeredTo(A1001, "longest idle", at(0), at(2));
            assertThat(call.offerNotTaken(A1001, 408, at(17))).as("back in the queue").isTrue();
            assertThat(call.isWaitingForAgent()).isTrue();
            call.offeredTo(A1002, "longest idle", at(0), at(18));
            call.answeredBy(A1002, at(20));
            call.transferStarted(HOTLINE, null, "api:supervisor", at(30));
            assertThat(call.transferConnected(at(35))).as("the agent who had it").contains(A1002);

            assertThat(call.isConnected()).isTrue();
            assertThat(call.agent()).as("after a transfer to a number").isEmpty();
            assertThat(call.transferredNumber()).contains(HOTLINE.value());
            assertThat(call.end()).isTrue();
            assertThat(call.isEnded()).isTrue();
        }

        @Test
        void theFlowCanRunThroughVoicemailAndAFailedTransferBeforeQueueing() {
            Call call = in(CallPhase.ROUTING);

            call.voicemailStarted();
            call.voicemailLeft();
            call.transferStarted(HOTLINE, null, "flow", at(1));
            assertThat(call.transferFailed("no answer within 30 s", at(31))).as("back in the flow").isTrue();
            call.queued(SUPPORT, 0, at(32));
            call.leftQueue();

            assertThat(call.phase()).isEqualTo(CallPhase.ROUTING);
        }
    }

    @Nested
    class OffersAndTheAgent {

        @Test
        void ringAllOffersSeveralAndTheFirstToAnswerTakesTheCallTheOthersAreWithdrawn() {
            Call call = in(CallPhase.QUEUED);
            call.offeredTo(A1001, "ring all", at(0), at(2));
            call.offeredTo(A1002, "ring all", at(0), at(2));

            List<AgentKey> stop = call.answeredBy(A1002, at(5));

            assertThat(stop).containsExactly(A1001);
            assertThat(call.agent()).contains(A1002);
            assertThat(call.offeredAgents()).isEmpty();
            assertThat(call.involves(A1002)).isTrue();
            assertThat(call.involves(A1001)).isFalse();
            assertThat(call.takeEvents()).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("CallOffered", "CallOffered", "OfferWithdrawn", "CallAnswered");
        }

        @Test
        void withSeveralPhonesRingingOneRefusingLeavesTheCallOffering() {
            Call call = in(CallPhase.QUEUED);
            call.offeredTo(A1001, "ring all", at(0), at(2));
            call.offeredTo(A1002, "ring all", at(0), at(2));

            assertThat(call.offerNotTaken(A1001, 486, at(3))).isFalse();
            assertThat(call.is(CallPhase.OFFERING)).isTrue();
            assertThat(call.offeredAgents()).containsExactly(A1002);
            assertThat(call.offerWithdrawn(A1002, "agent is PAUSED now", at(4))).isTrue();
            assertThat(call.is(CallPhase.QUEUED)).isTrue();
        }

        @Test
        void onlyAnAgentOfferedCanAnswerOrRefuseAndNoAgentIsOfferedTwice() {
            Call call = in(CallPhase.OFFERING);

            assertThatThrownBy(() -> call.answeredBy(A1002, at(3))).isInstanceOf(IllegalCallTransition.class)
                    .hasMessageContaining("1002");
            assertThatThrownBy(() -> call.offerNotTaken(A1002, 486, at(3))).isInstanceOf(IllegalCallTransition.class);
            assertThatThrownBy(() -> call.offeredTo(A1001, "again", at(0), at(3))).isInstanceOf(IllegalCallTransition.class);
            assertThat(call.offeredAgents()).containsExactly(A1001);
        }

        @Test
        void aCallerWhoHangsUpWhilePhonesRingHasThemWithdrawnAndIsAbandoned() {
            Call call = in(CallPhase.OFFERING);

            List<AgentKey> stop = call.abandoned(at(9));

            assertThat(stop).containsExactly(A1001);
            assertThat(call.involves(A1001)).isFalse();
            assertThat(call.takeEvents()).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("OfferWithdrawn", "CallAbandoned");
        }

        @Test
        void nobodyCanBeOfferedACallBeforeItIsRoutedToATenant() {
            Call call = new Call(ID, T0);

            assertThatThrownBy(() -> call.queued(SUPPORT, 0, at(1))).isInstanceOf(IllegalCallTransition.class)
                    .hasMessageContaining("routed");
            call.routedTo(DEMO);
            assertThatThrownBy(() -> call.routedTo(DEMO)).isInstanceOf(IllegalCallTransition.class);
            assertThat(call.tenant()).contains(DEMO);
        }
    }

    @Nested
    class Holds {

        @Test
        void theAgentPutsTheCallerOnHoldAndResumesItAndTheCallAddsUpItsHolds() {
            Call call = in(CallPhase.CONNECTED);

            assertThat(call.whyNoHold()).isEmpty();
            call.putOnHold("agent:1001", at(10));
            assertThat(call.isOnHold()).isTrue();
            assertThat(call.phase()).as("hold changes who hears whom, not the phase").isEqualTo(CallPhase.CONNECTED);
            assertThat(call.agent()).as("the agent keeps the call").contains(A1001);
            assertThat(call.timeOnHold(at(13))).as("a hold that lasts counts up to now").isEqualTo(Duration.ofSeconds(3));
            assertThat(call.resumed("agent:1001", at(14))).isEqualTo(Duration.ofSeconds(4));
            call.putOnHold("api:supervisor@demo", at(20));
            assertThat(call.resumed("agent:1001", at(26))).isEqualTo(Duration.ofSeconds(6));

            assertThat(call.isOnHold()).isFalse();
            assertThat(call.timeOnHold(at(40))).isEqualTo(Duration.ofSeconds(10));
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.CallHeld(DEMO, ID, 4, at(10), "agent:1001"),
                    new CallEvent.CallResumed(DEMO, ID, 5, at(14), "agent:1001", Duration.ofSeconds(4), Duration.ofSeconds(4)),
                    new CallEvent.CallHeld(DEMO, ID, 6, at(20), "api:supervisor@demo"),
                    new CallEvent.CallResumed(DEMO, ID, 7, at(26), "agent:1001", Duration.ofSeconds(6), Duration.ofSeconds(10)));
        }

        @Test
        void aCallOnHoldCannotBeHeldAgainNorTransferredAndOnlyAHeldCallResumes() {
            Call call = in(CallPhase.CONNECTED);
            assertThatThrownBy(() -> call.resumed("agent:1001", at(9))).isInstanceOf(IllegalCallTransition.class)
                    .hasMessageContaining("not on hold");

            call.putOnHold("agent:1001", at(10));

            assertThat(call.whyNoHold()).contains("the call is on hold already");
            assertThatThrownBy(() -> call.putOnHold("agent:1001", at(11))).isInstanceOf(IllegalCallTransition.class);
            assertThat(call.whyNoTransferTo(TO_1002)).contains("the call is on hold: resume it first");
            assertThatThrownBy(() -> call.transferStarted(TO_1002, A1002, "api:admin", at(11))).isInstanceOf(IllegalCallTransition.class);
            assertThat(call.takeEvents()).hasSize(1);
            assertThat(in(CallPhase.QUEUED).whyNoHold()).contains("the call is not connected");
            assertThat(in(CallPhase.ENDED).whyNoHold()).contains("the call is not connected");
        }

        @Test
        void whileATransferRingsTheCallCannotBePutOnHold() {
            Call call = in(CallPhase.CONNECTED);
            call.transferStarted(HOTLINE, null, "api:supervisor", at(10));

            assertThat(call.whyNoHold()).contains("a transfer of this call is ringing");
            assertThatThrownBy(() -> call.putOnHold("agent:1001", at(11))).isInstanceOf(IllegalCallTransition.class);
            assertThat(call.isOnHold()).isFalse();
        }

        @Test
        void aCallThatEndsOnHoldCountsItsLastHold() {
            Call call = in(CallPhase.CONNECTED);
            call.putOnHold("agent:1001", at(10));

            call.ended("ANSWERED", "caller", at(17));

            assertThat(call.isOnHold()).isFalse();
            assertThat(call.timeOnHold(at(99))).isEqualTo(Duration.ofSeconds(7));
        }
    }

    @Nested
    class Consultations {

        @Test
        void theAgentConsultsAColleagueWhileTheCallerHearsMusicThenHandsTheCallerOver() {
            Call call = in(CallPhase.CONNECTED);

            assertThat(call.whyNoConsultationWith(TO_1002)).isEmpty();
            call.consultationStarted(TO_1002, A1002, "api:agent1001@demo", at(10));
            assertThat(call.isOnHold()).as("the caller waits on hold").isTrue();
            assertThat(call.involves(A1002)).as("the consulted agent's lease").isTrue();
            assertThat(call.whyNoHold()).contains("a consultation is going on");
            assertThat(call.whyNoTransferTo(HOTLINE)).contains("a consultation is going on: complete or end it first");
            call.consultationAnswered(at(12));
            assertThat(call.isTalkingToConsulted()).isTrue();
            assertThat(call.consultationSwapped("api:agent1001@demo", at(14))).as("back to the caller").isFalse();
            assertThat(call.isOnHold()).isFalse();
            assertThat(call.consultationSwapped("api:agent1001@demo", at(16))).isTrue();
            assertThat(call.consultationCompleted("api:agent1001@demo", at(20))).contains(A1001);

            assertThat(call.agent()).contains(A1002);
            assertThat(call.involves(A1001)).isFalse();
            assertThat(call.isOnHold()).isFalse();
            assertThat(call.timeOnHold(at(30))).as("10..14 and 16..20").isEqualTo(Duration.ofSeconds(8));
            assertThat(call.transfersConnected()).isEqualTo(1);
            assertThat(call.consultationTarget()).isEmpty();
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.ConsultationStarted(DEMO, ID, 4, at(10), TO_1002, "api:agent1001@demo"),
                    new CallEvent.ConsultationAnswered(DEMO, ID, 5, at(12), TO_1002),
                    new CallEvent.ConsultationSwapped(DEMO, ID, 6, at(14), "caller", "api:agent1001@demo"),
                    new CallEvent.ConsultationSwapped(DEMO, ID, 7, at(16), "target", "api:agent1001@demo"),
                    new CallEvent.Transferred(DEMO, ID, 8, at(20), TO_1002, "agent:1001", "api:agent1001@demo"));
        }

        @Test
        void aConsultationThatEndsLeavesTheCallerOnHoldWithItsAgentWhoResumesIt() {
            Call call = in(CallPhase.CONNECTED);
            call.consultationStarted(HOTLINE, null, "api:agent1001@demo", at(10));
            call.consultationAnswered(at(11));
            assertThatThrownBy(() -> call.resumed("api:agent1001@demo", at(12))).isInstanceOf(IllegalCallTransition.class);

            call.consultationEnded("api:agent1001@demo", at(13));
            call.resumed("api:agent1001@demo", at(13));

            assertThat(call.agent()).contains(A1001);
            assertThat(call.transferredNumber()).isEmpty();
            assertThat(call.timeOnHold(at(20))).isEqualTo(Duration.ofSeconds(3));
            assertThat(call.takeEvents()).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("ConsultationStarted", "ConsultationAnswered", "ConsultationEnded", "CallResumed");
        }

        @Test
        void aConsultationNobodyAnswersFailsAndCannotBeCompletedOrSwapped() {
            Call call = in(CallPhase.CONNECTED);
            call.consultationStarted(TO_1002, A1002, "api:agent1001@demo", at(10));
            assertThatThrownBy(() -> call.consultationCompleted("api:x", at(11))).isInstanceOf(IllegalCallTransition.class);
            assertThatThrownBy(() -> call.consultationSwapped("api:x", at(11))).isInstanceOf(IllegalCallTransition.class);

            call.consultationFailed("no answer within 15 s", at(25));

            assertThat(call.consultationTarget()).isEmpty();
            assertThat(call.involves(A1002)).isFalse();
            assertThat(call.isOnHold()).as("the agent is told and resumes its caller itself").isTrue();
            assertThat(call.takeEvents()).last()
                    .isEqualTo(new CallEvent.ConsultationFailed(DEMO, ID, 5, at(25), TO_1002, "no answer within 15 s"));
        }

        @Test
        void onlyAConnectedAgentConsultsOnceAtATimeAndNotItself() {
            Call call = in(CallPhase.CONNECTED);
            assertThat(call.whyNoConsultationWith(TransferTarget.agent("1001"))).contains("agent 1001 cannot consult itself");
            assertThat(in(CallPhase.QUEUED).whyNoConsultationWith(TO_1002)).contains("the call is not connected");
            call.consultationStarted(HOTLINE, null, "api:a", at(10));
            assertThat(call.whyNoConsultationWith(TO_1002)).contains("a consultation is going on already");
            assertThatThrownBy(() -> call.consultationStarted(TO_1002, A1002, "api:a", at(11))).isInstanceOf(IllegalCallTransition.class);
            assertThatThrownBy(() -> in(CallPhase.CONNECTED).consultationStarted(TO_1002, null, "api:a", at(11)))
                    .as("an agent target needs its agent").isInstanceOf(IllegalCallTransition.class);
            call.ended("ANSWERED", "caller", at(12));
            assertThat(call.consultationTarget()).isEmpty();
        }
    }

    @Nested
    class Transfers {

        @Test
        void aBlindTransferKeepsTheCallerWithItsAgentUntilTheTargetAnswers() {
            Call call = in(CallPhase.CONNECTED);

            assertThat(call.whyNoTransferTo(TO_1002)).isEmpty();
            call.transferStarted(TO_1002, A1002, "api:supervisor", at(10));

            assertThat(call.agent()).as("still talking").contains(A1001);
            assertThat(call.transferRinging()).contains(TO_1002);
            assertThat(call.involves(A1002)).as("the target's lease").isTrue();
            assertThat(call.transferConnected(at(14))).contains(A1001);
            assertThat(call.agent()).contains(A1002);
            assertThat(call.involves(A1001)).as("the old agent let go").isFalse();
            assertThat(call.transfersConnected()).isEqualTo(1);
            assertThat(call.transferRinging()).isEmpty();
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.TransferStarted(DEMO, ID, 4, at(10), TO_1002, "api:supervisor"),
                    new CallEvent.Transferred(DEMO, ID, 5, at(14), TO_1002, "agent:1001", "api:supervisor"));
        }

        @Test
        void aTransferToAGroupPutsTheCallerBackIntoAQueueWithItsPriorityAndANewAgentAnswersIt() {
            Call call = new Call(ID, T0);
            call.routedTo(DEMO);
            call.queued(SUPPORT, 7, at(1));
            call.offeredTo(A1001, "longest idle", at(0), at(2));
            call.answeredBy(A1001, at(3));
            call.takeEvents();
            TransferTarget sales = TransferTarget.group("Sales");

            assertThat(call.whyNoTransferTo(sales)).isEmpty();
            assertThat(call.transferredToGroup(sales, 9, "api:agent1001@demo", at(10))).contains(A1001);

            assertThat(call.phase()).isEqualTo(CallPhase.QUEUED);
            assertThat(call.agent()).isEmpty();
            assertThat(call.involves(A1001)).as("the first agent let go").isFalse();
            assertThat(call.priority()).isEqualTo(7);
            assertThat(call.transfersConnected()).as("the next answer is a new conversation").isEqualTo(1);
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.Transferred(DEMO, ID, 4, at(10), sales, "agent:1001", "api:agent1001@demo"),
                    new CallQueued(DEMO, ID, 5, at(10), 9, 7));
            call.offeredTo(A1002, "longest idle", at(0), at(12));
            call.answeredBy(A1002, at(13));
            assertThat(call.agent()).contains(A1002);
        }

        @Test
        void onlyAGroupTargetReQueuesAndNotWhileOnHoldOrWhileATransferRings() {
            Call call = in(CallPhase.CONNECTED);
            assertThatThrownBy(() -> call.transferredToGroup(TO_1002, 9, "api:admin", at(10))).isInstanceOf(IllegalCallTransition.class);
            call.putOnHold("agent:1001", at(11));
            assertThatThrownBy(() -> call.transferredToGroup(TransferTarget.group("Sales"), 9, "api:admin", at(12)))
                    .isInstanceOf(IllegalCallTransition.class).hasMessageContaining("on hold");
            call.resumed("agent:1001", at(13));
            call.transferStarted(HOTLINE, null, "api:admin", at(14));
            assertThatThrownBy(() -> call.transferredToGroup(TransferTarget.group("Sales"), 9, "api:admin", at(15)))
                    .isInstanceOf(IllegalCallTransition.class).hasMessageContaining("already ringing");
            assertThat(call.phase()).isEqualTo(CallPhase.CONNECTED);
        }

        @Test
        void aFailedBlindTransferLeavesTheCallerWithItsAgent() {
            Call call = in(CallPhase.CONNECTED);
            call.transferStarted(HOTLINE, null, "api:supervisor", at(10));

            assertThat(call.transferFailed("refused with 486", at(12))).as("no flow to go back to").isFalse();

            assertThat(call.phase()).isEqualTo(CallPhase.CONNECTED);
            assertThat(call.agent()).contains(A1001);
            assertThat(call.takeEvents()).last().isEqualTo(new CallEvent.TransferFailed(DEMO, ID, 5, at(12), HOTLINE, "refused with 486"));
        }

        @Test
        void onlyOneTransferRingsAtATimeAndNotToTheAgentWhoHasTheCall() {
            Call call = in(CallPhase.CONNECTED);

            assertThat(call.whyNoTransferTo(TransferTarget.agent("1001"))).contains("agent 1001 already talks to the caller");
            call.transferStarted(HOTLINE, null, "api:supervisor", at(10));
            assertThat(call.whyNoTransferTo(TO_1002)).contains("a transfer of this call is already ringing");
            assertThatThrownBy(() -> call.transferStarted(TO_1002, A1002, "api:admin", at(11))).isInstanceOf(IllegalCallTransition.class);
            assertThat(in(CallPhase.QUEUED).whyNoTransferTo(TO_1002)).contains("the call is not connected");
        }

        @Test
        void aTransferThatCannotStartIsRecordedAsFailedAndChangesNothing() {
            Call call = in(CallPhase.CONNECTED);

            call.transferRefused(TO_1002, "agent 1002 is not ready (PAUSED)", at(10));

            assertThat(call.phase()).isEqualTo(CallPhase.CONNECTED);
            assertThat(call.agent()).contains(A1001);
            assertThat(call.transferRinging()).isEmpty();
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.TransferFailed(DEMO, ID, 4, at(10), TO_1002, "agent 1002 is not ready (PAUSED)"));
            assertThatThrownBy(() -> in(CallPhase.ENDED).transferRefused(TO_1002, "late", at(11))).isInstanceOf(IllegalCallTransition.class);
        }

        @Test
        void aTransferWithoutOneRingingCannotFailOrConnect() {
            Call call = in(CallPhase.CONNECTED);

            assertThatThrownBy(() -> call.transferFailed("late", at(5))).isInstanceOf(IllegalCallTransition.class);
            assertThatThrownBy(() -> call.transferConnected(at(5))).isInstanceOf(IllegalCallTransition.class);
            assertThatThrownBy(() -> call.transferStarted(TO_1002, null, "api:admin", at(5))).as("an agent target needs its agent")
                    .isInstanceOf(IllegalCallTransition.class);
        }

        @Test
        void aTransferFromTheFlowToANumberConnectsTheCallWithoutAnAgent() {
            Call call = in(CallPhase.TRANSFERRING);

            assertThat(call.transferConnected(at(9))).isEmpty();

            assertThat(call.isConnected()).isTrue();
            assertThat(call.agent()).isEmpty();
            assertThat(call.transferredNumber()).contains(HOTLINE.value());
            assertThat(call.takeEvents()).containsExactly(new CallEvent.TransferConnected(DEMO, ID, 2, at(9), HOTLINE));
        }
    }

    @Nested
    class RingTime {

        @Test
        void whenTheRingTimeIsOverEveryRingingPhoneIsANoAnswerAndTheCallerIsBackInTheQueue() {
            Call call = in(CallPhase.QUEUED);
            call.offeredTo(A1001, "ring all", at(0), at(2));
            call.offeredTo(A1002, "ring all", at(0), at(2));
            call.takeEvents();

            assertThat(call.ringTimeOver(at(17))).containsExactly(A1001, A1002);

            assertThat(call.phase()).isEqualTo(CallPhase.QUEUED);
            assertThat(call.offeredAgents()).isEmpty();
            assertThat(call.takeEvents()).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(OfferNotTaken.class,
                    notTaken -> assertThat(notTaken.isNoAnswer()).isTrue())).hasSize(2);
        }

        @ParameterizedTest
        @ValueSource(ints = {408, 480})
        void timeoutAndTemporarilyUnavailableAreNoAnswers(int status) {
            assertThat(io.verbund.acd.routing.OfferTerms.isNoAnswer(status)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = {486, 487, 500, 503, 603, 404})
        void busyRefusedAndFailedAreNot(int status) {
            assertThat(io.verbund.acd.routing.OfferTerms.isNoAnswer(status)).isFalse();
        }
    }

    @Nested
    class Events {

        @Test
        void aCallsHistoryIsNumberedInOrderAndNamesTenantAndCall() {
            Call call = new Call(ID, T0);
            call.routedTo(DEMO);
            int flowStep = call.nextSeq();
            call.queued(SUPPORT, 5, at(1));
            call.offeredTo(A1001, "longest idle: 1001 free for 42 s", at(0), at(2));
            call.offerNotTaken(A1001, 408, at(17));
            call.offeredTo(A1002, "longest idle: 1002 free for 50 s", at(0), at(18));
            call.answeredBy(A1002, at(20));
            call.ended("ANSWERED", "caller", at(80));

            List<CallEvent> events = call.takeEvents();

            assertThat(flowStep).isEqualTo(1);
            assertThat(events).extracting(CallEvent::seq).containsExactly(2, 3, 4, 5, 6, 7);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.tenant()).isEqualTo(DEMO);
                assertThat(event.call()).isEqualTo(ID);
            });
            assertThat(events.get(0)).isEqualTo(new CallQueued(DEMO, ID, 2, at(1), SUPPORT, 5));
            assertThat(events.get(1)).isEqualTo(new CallOffered(DEMO, ID, 3, at(2), A1001, "longest idle: 1001 free for 42 s", Duration.ofSeconds(2)));
            assertThat(events.get(2)).isEqualTo(new OfferNotTaken(DEMO, ID, 4, at(17), A1001, 408));
            assertThat(events.get(4)).isEqualTo(new CallAnswered(DEMO, ID, 6, at(20), A1002));
            assertThat(events.get(5)).isEqualTo(new CallEnded(DEMO, ID, 7, at(80), "ANSWERED", "caller"));
            assertThat(call.takeEvents()).as("taken once").isEmpty();
        }

        @Test
        void aWithdrawnOfferSaysWhy() {
            Call call = in(CallPhase.OFFERING);

            call.offerWithdrawn(A1001, "agent is LOGGED_OUT now", at(4));

            assertThat(call.takeEvents()).singleElement().isInstanceOfSatisfying(OfferWithdrawn.class,
                    withdrawn -> assertThat(withdrawn.why()).isEqualTo("agent is LOGGED_OUT now"));
        }

        @Test
        void aCallRefusedBeforeRoutingEndsWithoutAnEvent() {
            Call call = new Call(ID, T0);

            call.abandoned(at(1));

            assertThat(call.isEnded()).isTrue();
            assertThat(call.takeEvents()).isEmpty();
            assertThat(new Call(ID, T0).ended("REJECTED", "node", at(1))).isEmpty();
        }

        @Test
        void anAbandonedCallOfATenantRecordsItsAbandonment() {
            Call call = in(CallPhase.QUEUED);

            call.abandoned(at(9));

            assertThat(call.takeEvents()).singleElement().isEqualTo(new CallAbandoned(DEMO, ID, 2, at(9)));
        }
    }

    @Nested
    class Ending {

        @ParameterizedTest
        @EnumSource(CallPhase.class)
        void endIsAllowedOnceFromAnyPhase(CallPhase phase) {
            Call call = in(phase);
            boolean alreadyEnded = phase == CallPhase.ENDED;

            assertThat(call.end()).isEqualTo(!alreadyEnded);
            assertThat(call.isEnded()).isTrue();
            assertThat(call.end()).as("the clean-up runs once").isFalse();
            assertThat(call.phase()).isEqualTo(CallPhase.ENDED);
        }
    }

    @ParameterizedTest
    @EnumSource(CallPhase.class)
    void theQueriesFollowThePhase(CallPhase phase) {
        Call call = in(phase);

        assertThat(call.is(phase)).isTrue();
        assertThat(call.isConnected()).isEqualTo(phase == CallPhase.CONNECTED);
        assertThat(call.isEnded()).isEqualTo(phase == CallPhase.ENDED);
        assertThat(call.isWaitingForAgent()).isEqualTo(phase == CallPhase.QUEUED || phase == CallPhase.OFFERING);
        assertThat(call.toString()).contains(ID.value()).contains(phase.name());
    }

    @Test
    void aNewCallIsRoutingAndKeepsItsIdAndArrival() {
        Call call = new Call(ID, T0);

        assertThat(call.phase()).isEqualTo(CallPhase.ROUTING);
        assertThat(call.id()).isEqualTo(ID);
        assertThat(call.receivedAt()).isEqualTo(T0);
        assertThatThrownBy(() -> new Call(null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Call(ID, null)).isInstanceOf(NullPointerException.class);
    }

    @Nested
    class CallIds {

        @ParameterizedTest
        @ValueSource(strings = {"a84b4c76e66710@pc33.example.com", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com",
                "3848276298220188511@atlanta.example.com", "x", "!~"})
        void typicalSipCallIdsAreAccepted(String value) {
            assertThat(new CallId(value).value()).isEqualTo(value);
            assertThat(new CallId(value)).hasToString(value);
        }

        @Test
        void upTo255CharactersAreAccepted() {
            assertThat(new CallId("c".repeat(255)).value()).hasSize(255);
            assertThatThrownBy(() -> new CallId("c".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "a84b|pc33", "|", "a84b pc33", " a84b", "a84b\t", "a84b\n", "caf\u00e9@host", "a\u007fb"})
        void emptySeparatorsSpacesAndNonAsciiAreRefused(String value) {
            assertThatThrownBy(() -> new CallId(value)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nullIsRefused() {
            assertThatThrownBy(() -> new CallId(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void aCallIdIsAValue() {
            assertThat(new CallId("a84b4c76e66710@pc33.example.com")).isEqualTo(ID).hasSameHashCodeAs(ID);
        }
    }

    @Nested
    class ConferenceAndSupervision {

        private static final String AGENT = "api:agent1001@demo";

        @Test
        void aConsultationTurnedIntoAConferenceEndsTheHoldAndTheAgentLeavingHandsTheCallerOver() {
            Call call = in(CallPhase.CONNECTED);
            call.consultationStarted(TransferTarget.group("Sales"), A1002, AGENT, at(10));
            assertThatThrownBy(() -> call.consultationConferenced(AGENT, at(11)))
                    .as("nobody answered yet").isInstanceOf(IllegalCallTransition.class);
            call.consultationAnswered(at(12));
            call.takeEvents();

            call.consultationConferenced(AGENT, at(15));

            assertThat(call.isOnHold()).isFalse();
            assertThat(call.timeOnHold(at(40))).isEqualTo(Duration.ofSeconds(5));
            assertThat(call.consultationTarget()).isEmpty();
            assertThat(call.thirdParty()).contains(TransferTarget.group("Sales"));
            assertThat(call.involves(A1002)).as("the third party's lease").isTrue();
            assertThat(call.whyNoHold()).contains("a third party is in the call");
            assertThat(call.whyNoTransferTo(HOTLINE)).contains("a third party is in the call");
            assertThat(call.whyNoConsultationWith(HOTLINE)).contains("a third party is in the call");

            assertThat(call.agentLeftConference("agent", at(30))).contains(A1001);

            assertThat(call.agent()).contains(A1002);
            assertThat(call.involves(A1001)).isFalse();
            assertThat(call.thirdParty()).isEmpty();
            assertThat(call.transfersConnected()).isEqualTo(1);
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.PartyJoined(DEMO, ID, 6, at(15), "agent:1002", "consultation", AGENT),
                    new CallEvent.PartyLeft(DEMO, ID, 7, at(30), "agent:1001", "agent"),
                    new CallEvent.Transferred(DEMO, ID, 8, at(30), TransferTarget.group("Sales"), "agent:1001", "agent"));
        }

        @Test
        void aThirdPartyLeavingLeavesCallerAndAgent() {
            Call call = in(CallPhase.CONNECTED);
            call.takeEvents();
            call.partyJoined(HOTLINE, null, AGENT, at(10));
            assertThatThrownBy(() -> call.partyJoined(TO_1002, A1002, AGENT, at(11)))
                    .as("one third party at a time").isInstanceOf(IllegalCallTransition.class);

            assertThat(call.partyLeft("hung up", at(20))).isEmpty();

            assertThat(call.agent()).contains(A1001);
            assertThat(call.whyNoHold()).isEmpty();
            assertThatThrownBy(() -> call.partyLeft("hung up", at(21))).isInstanceOf(IllegalCallTransition.class);
            assertThatThrownBy(() -> call.agentLeftConference("agent", at(21))).isInstanceOf(IllegalCallTransition.class);
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.PartyJoined(DEMO, ID, 4, at(10), "number:+4940123456", "conference", AGENT),
                    new CallEvent.PartyLeft(DEMO, ID, 5, at(20), "number:+4940123456", "hung up"));
        }

        @Test
        void supervisionIsRecordedWithItsModesAndWhoLeft() {
            Call call = in(CallPhase.CONNECTED);
            call.takeEvents();
            assertThatThrownBy(() -> call.supervisionEnded("supervisor", at(9))).isInstanceOf(IllegalCallTransition.class);

            call.supervisionStarted("LISTEN", "supervisor@demo", at(10));
            assertThatThrownBy(() -> call.supervisionStarted("BARGE", "admin@demo", at(11)))
                    .as("one supervisor at a time").isInstanceOf(IllegalCallTransition.class);
            assertThat(call.supervisionModeChanged("LISTEN", "supervisor@demo", at(11))).as("no change").isFalse();
            assertThat(call.supervisionModeChanged("WHISPER", "supervisor@demo", at(12))).isTrue();
            assertThat(call.supervisor()).contains("supervisor@demo");
            call.supervisionEnded("supervisor", at(20));

            assertThat(call.supervisor()).isEmpty();
            assertThat(call.takeEvents()).containsExactly(
                    new CallEvent.SupervisionStarted(DEMO, ID, 4, at(10), "LISTEN", "supervisor@demo"),
                    new CallEvent.SupervisionModeChanged(DEMO, ID, 5, at(12), "WHISPER", "supervisor@demo"),
                    new CallEvent.SupervisionEnded(DEMO, ID, 6, at(20), "supervisor@demo", "supervisor"));
        }

        @Test
        void theCallEndingClearsSupervisorAndThirdParty() {
            Call call = in(CallPhase.CONNECTED);
            call.supervisionStarted("BARGE", "supervisor@demo", at(10));
            call.partyJoined(TO_1002, A1002, AGENT, at(11));

            call.ended("ANSWERED", "caller", at(20));

            assertThat(call.supervisor()).isEmpty();
            assertThat(call.thirdParty()).isEmpty();
            assertThat(call.involves(A1002)).isFalse();
        }
    }

    @Nested
    class TakenOver {

        @Test
        void aCallerTakenOverWaitsInItsGroupWithItsPriorityAndItsHistoryGoesOnAboveTheDepartedNodes() {
            Call call = Call.takenOver(ID, T0, DEMO, SUPPORT, 7, 1012, "node-a", "node-b", at(30));

            assertThat(call.phase()).isEqualTo(CallPhase.QUEUED);
            assertThat(call.priority()).isEqualTo(7);
            assertThat(call.tenant()).contains(DEMO);
            assertThat(call.receivedAt()).isEqualTo(T0);
            assertThat(call.takeEvents()).containsExactly(new CallEvent.CallTakenOver(DEMO, ID, 1013, at(30), SUPPORT, "node-a", "node-b"));
            assertThat(call.nextSeq()).isEqualTo(1014);
        }

        @Test
        void itIsOfferedAnsweredAndEndedLikeAnyWaitingCaller() {
            Call call = Call.takenOver(ID, T0, DEMO, SUPPORT, 0, 0, "node-a", "node-b", at(30));
            call.takeEvents();

            call.offeredTo(A1001, "longest idle", at(0), at(31));
            call.answeredBy(A1001, at(32));

            assertThat(call.phase()).isEqualTo(CallPhase.CONNECTED);
            assertThat(call.agent()).contains(A1001);
            assertThat(call.takeEvents()).extracting(CallEvent::seq).containsExactly(2, 3);
        }

        @Test
        void aTalkingCallTakenOverIsConnectedToItsAgentAndEndsLikeAnyConnectedCall() {
            Call call = Call.talkingTakenOver(ID, T0, DEMO, SUPPORT, 0, A1001, null, Duration.ZERO, 1012, "node-a", "node-b", at(30));

            assertThat(call.phase()).isEqualTo(CallPhase.CONNECTED);
            assertThat(call.agent()).contains(A1001);
            assertThat(call.involves(A1001)).isTrue();
            assertThat(call.takeEvents()).containsExactly(new CallEvent.CallTakenOver(DEMO, ID, 1013, at(30), SUPPORT, "node-a", "node-b"));

            call.ended("ANSWERED", "caller", at(40));

            assertThat(call.isEnded()).isTrue();
            assertThat(call.takeEvents()).extracting(CallEvent::seq).containsExactly(1014);
        }

        @Test
        void aCallTakenOverOnHoldStaysOnHoldAndItsTimeOnHoldAddsUpAcrossTheMove() {
            // On hold since 20 s, after a first hold of 5 s; taken over at 30 s.
            Call call = Call.talkingTakenOver(ID, T0, DEMO, SUPPORT, 0, A1001, at(20), Duration.ofSeconds(5), 1012, "node-a", "node-b", at(30));
            call.takeEvents();

            assertThat(call.isOnHold()).isTrue();
            assertThat(call.onHoldSince()).contains(at(20));
            assertThat(call.whyNoHold()).as("on hold already").isPresent();
            assertThat(call.timeOnHold(at(30))).isEqualTo(Duration.ofSeconds(15));

            Duration held = call.resumed("api:admin@demo", at(34));

            assertThat(held).as("this hold, from its start on the departed node").isEqualTo(Duration.ofSeconds(14));
            assertThat(call.isOnHold()).isFalse();
            assertThat(call.finishedHolds()).isEqualTo(Duration.ofSeconds(19));
            assertThat(call.takeEvents()).singleElement().isInstanceOfSatisfying(CallEvent.CallResumed.class,
                    resumed -> assertThat(resumed.seq()).isEqualTo(1014));
        }

        @Test
        void aNegativeLastNumberIsRefused() {
            assertThatThrownBy(() -> Call.takenOver(ID, T0, DEMO, SUPPORT, 0, -1, "node-a", "node-b", at(30)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lastSeq");
        }
    }
}
