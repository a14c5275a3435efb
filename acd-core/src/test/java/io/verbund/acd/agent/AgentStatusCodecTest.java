package io.verbund.acd.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentStatusCodecTest {

    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00.123Z");

    @Test
    void everyStatusOfTheCallPathSurvivesARoundTrip() {
        AgentStatus loggedOut = AgentStatus.loggedOut(AGENT, T0);
        AgentStatus ready = loggedOut.goReady(T0.plusSeconds(1));
        AgentStatus reserved = ready.reserve("a84b4c76e66710@pc33.example.com", "node-a", T0.plusSeconds(2));
        AgentStatus ringing = reserved.ring(T0.plusSeconds(3));
        AgentStatus talking = ringing.answer(T0.plusSeconds(4));
        AgentStatus wrapUp = talking.endCall(30, 0, T0.plusSeconds(5));
        AgentStatus extended = talking.endCall(30, 60, T0.plusSeconds(5)).extendWrapUp(java.time.Duration.ofSeconds(20), T0.plusSeconds(6));
        AgentStatus paused = wrapUp.pause("BREAK", T0.plusSeconds(6));
        AgentStatus blocked = paused.goReady(T0.plusSeconds(7)).reserve("call-2", "node-a", T0.plusSeconds(8))
                .offerNotTaken(true, 3, 2, T0.plusSeconds(9));

        for (AgentStatus status : List.of(loggedOut, ready, reserved, ringing, talking, wrapUp, extended, paused, blocked)) {
            assertThat(AgentStatusCodec.decode(AgentStatusCodec.encode(status))).as(status.state().name()).isEqualTo(status);
        }
    }

    @Test
    void encodesInTheDocumentedLayout() {
        AgentStatus paused = AgentStatus.loggedOut(AGENT, T0).pause("BREAK", T0);

        assertThat(AgentStatusCodec.encode(paused))
                .isEqualTo("v2|demo/1001|PAUSED|" + T0.toEpochMilli() + "|" + T0.toEpochMilli() + "|BREAK|||0|0");
    }

    @Test
    void aWrapUpIsWrittenAsVersionThreeWithItsEndAndAllowance() {
        AgentStatus wrapUp = AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve("call-1", "node-a", T0).answer(T0)
                .endCall(30, 60, T0).extendWrapUp(java.time.Duration.ofSeconds(20), T0);

        assertThat(AgentStatusCodec.encode(wrapUp)).isEqualTo("v3|demo/1001|WRAP_UP|" + T0.toEpochMilli() + "|" + T0.toEpochMilli()
                + "||call-1|node-a|0|0|" + T0.plusSeconds(50).toEpochMilli() + "|60000|20000");
    }

    @Test
    void equalStatusesGiveEqualStringsSoAConditionalReplaceCanCompareThem() {
        AgentStatus one = AgentStatus.loggedOut(AGENT, T0).goReady(T0);
        AgentStatus other = AgentStatus.loggedOut(AGENT, T0).goReady(T0);

        assertThat(AgentStatusCodec.encode(one)).isEqualTo(AgentStatusCodec.encode(other));
    }

    @Test
    void keepsMillisecondsOnly() {
        Instant withNanos = Instant.parse("2026-11-25T08:00:00.123456789Z");

        AgentStatus decoded = AgentStatusCodec.decode(AgentStatusCodec.encode(AgentStatus.loggedOut(AGENT, withNanos)));

        assertThat(decoded.since()).isEqualTo(T0);
    }

    @Test
    void namesTheNodeHoldingTheCallOfAnEngagedAgent() {
        AgentStatus reserved = AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve("c1", "node-b", T0);

        assertThat(AgentStatusCodec.encode(reserved)).contains("|RESERVED|").contains("|c1|node-b|");
        assertThat(AgentStatusCodec.decode(AgentStatusCodec.encode(reserved)).node()).contains("node-b");
    }

    @Test
    void readsTheLayoutBeforeNodesWereNamed() {
        // A node of the previous build may still write version 1 during a rolling update.
        AgentStatus reserved = AgentStatusCodec.decode("v1|demo/1001|RESERVED|1000|500||c1|2|0");

        assertThat(reserved.state()).isEqualTo(AgentState.RESERVED);
        assertThat(reserved.callId()).contains("c1");
        assertThat(reserved.node()).isEmpty();
        assertThat(reserved.noAnswers()).isEqualTo(2);
    }

    @Test
    void refusesAReasonOrCallIdContainingTheSeparator() {
        AgentStatus paused = AgentStatus.loggedOut(AGENT, T0).pause("BREAK|X", T0);
        AgentStatus reserved = AgentStatus.loggedOut(AGENT, T0).goReady(T0).reserve("call|1", "node-a", T0);

        assertThatThrownBy(() -> AgentStatusCodec.encode(paused)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentStatusCodec.encode(reserved)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTextOfAnotherLayoutOrVersion() {
        assertThatThrownBy(() -> AgentStatusCodec.decode("READY")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentStatusCodec.decode("v4|demo/1001|READY|0|0||||0|0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentStatusCodec.decode("v1|demo/1001|SLEEPING|0|0|||0|0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyReasonDoesNotSurviveARoundTrip() {
        // Documents a limit of the layout: an empty optional and an empty string encode alike.
        AgentStatus emptyReason = new AgentStatus(AGENT, AgentState.PAUSED, T0, T0, Optional.of(""), Optional.empty(), Optional.empty(), 0,
                Instant.EPOCH, WrapUpPeriod.NONE);

        assertThat(AgentStatusCodec.decode(AgentStatusCodec.encode(emptyReason)).reason()).isEmpty();
    }
}
