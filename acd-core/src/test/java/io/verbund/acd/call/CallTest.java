package io.verbund.acd.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
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

    /** The call's named transitions as its documentation states them: from which phases, to which. */
    enum Transition {
        QUEUED(Call::queued, CallPhase.QUEUED, CallPhase.ROUTING),
        LEFT_QUEUE(Call::leftQueue, CallPhase.ROUTING, CallPhase.QUEUED),
        OFFERED(Call::offered, CallPhase.OFFERING, CallPhase.QUEUED),
        BACK_IN_QUEUE(Call::backInQueue, CallPhase.QUEUED, CallPhase.OFFERING),
        ANSWERED(Call::answered, CallPhase.CONNECTED, CallPhase.OFFERING),
        VOICEMAIL_STARTED(Call::voicemailStarted, CallPhase.VOICEMAIL, CallPhase.ROUTING),
        VOICEMAIL_LEFT(Call::voicemailLeft, CallPhase.ROUTING, CallPhase.VOICEMAIL),
        TRANSFER_RINGING(Call::transferRinging, CallPhase.TRANSFERRING, CallPhase.ROUTING),
        TRANSFER_FAILED(Call::transferFailed, CallPhase.ROUTING, CallPhase.TRANSFERRING),
        TRANSFERRED(Call::transferred, CallPhase.CONNECTED, CallPhase.TRANSFERRING, CallPhase.CONNECTED);

        final Consumer<Call> apply;
        final CallPhase to;
        final Set<CallPhase> from;

        Transition(Consumer<Call> apply, CallPhase to, CallPhase... from) {
            this.apply = apply;
            this.to = to;
            this.from = EnumSet.copyOf(Arrays.asList(from));
        }
    }

    /** A fresh call brought to {@code phase} by the shortest legal path. */
    private static Call in(CallPhase phase) {
        Call call = new Call(ID, T0);
        switch (phase) {
            case ROUTING -> { }
            case QUEUED -> call.queued();
            case OFFERING -> {
                call.queued();
                call.offered();
            }
            case CONNECTED -> {
                call.queued();
                call.offered();
                call.answered();
            }
            case VOICEMAIL -> call.voicemailStarted();
            case TRANSFERRING -> call.transferRinging();
            case ENDED -> call.end();
        }
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

                assertThat(call.phase()).isEqualTo(transition.to);
            } else {
                assertThatThrownBy(() -> transition.apply.accept(call)).isInstanceOfSatisfying(IllegalCallTransition.class, e -> {
                    assertThat(e.from()).isEqualTo(phase);
                    assertThat(e.transition()).isNotBlank();
                    assertThat(e).hasMessageContaining(phase.name()).hasMessageContaining(ID.value())
                            .hasMessageContaining(e.transition());
                });
                assertThat(call.phase()).as("a refused transition changes nothing").isEqualTo(phase);
            }
        }

        @Test
        void aCallerCanBeOfferedPutBackAndOfferedAgainBeforeAnAgentAnswers() {
            Call call = new Call(ID, T0);

            call.queued();
            call.offered();
            call.backInQueue();
            assertThat(call.isWaitingForAgent()).isTrue();
            call.offered();
            call.answered();
            call.transferred();

            assertThat(call.isConnected()).isTrue();
            assertThat(call.end()).isTrue();
            assertThat(call.isEnded()).isTrue();
        }

        @Test
        void theFlowCanRunThroughVoicemailAndAFailedTransferBeforeQueueing() {
            Call call = new Call(ID, T0);

            call.voicemailStarted();
            call.voicemailLeft();
            call.transferRinging();
            call.transferFailed();
            call.queued();
            call.leftQueue();

            assertThat(call.phase()).isEqualTo(CallPhase.ROUTING);
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
}
