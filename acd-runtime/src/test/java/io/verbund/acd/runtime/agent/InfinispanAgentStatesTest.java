package io.verbund.acd.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.AgentStatusCodec;
import io.verbund.acd.agent.IllegalAgentTransition;
import io.verbund.acd.tenant.TenantKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InfinispanAgentStatesTest {

    private static final AgentKey AGENT = new AgentKey(new TenantKey("demo"), "1001");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();
    private final InfinispanAgentStates states = new InfinispanAgentStates(cache, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAgentWithoutAnEntryIsLoggedOut() {
        assertThat(states.find(AGENT)).isEmpty();
        assertThat(states.current(AGENT).state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void theFirstChangeCreatesTheEntryFromLoggedOut() {
        AgentStateChange change = states.apply(AGENT, (status, now) -> status.goReady(now));

        assertThat(change.changed()).isTrue();
        assertThat(change.previous().state()).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(change.current().state()).isEqualTo(AgentState.READY);
        assertThat(cache).containsOnlyKeys("demo/1001");
        assertThat(AgentStatusCodec.decode(cache.get("demo/1001"))).isEqualTo(change.current());
    }

    @Test
    void compareAndSetReplacesOnlyTheExactStatusSeen() {
        AgentStatus ready = states.apply(AGENT, (status, now) -> status.goReady(now)).current();
        AgentStatus reserved = ready.reserve("call-1", "node-a", NOW);

        assertThat(states.compareAndSet(ready, reserved)).isTrue();
        assertThat(states.compareAndSet(ready, ready.reserve("call-2", "node-a", NOW))).as("a second reservation from the same view").isFalse();
        assertThat(states.current(AGENT)).isEqualTo(reserved);
        assertThat(new InfinispanAgentStates(new ConcurrentHashMap<>(), Clock.fixed(NOW, ZoneOffset.UTC))
                .compareAndSet(ready, reserved)).as("no entry: nothing to replace").isFalse();
    }

    @Test
    void laterChangesStartFromTheStoredStatus() {
        states.apply(AGENT, (status, now) -> status.goReady(now));

        AgentStateChange change = states.apply(AGENT, (status, now) -> status.pause("BREAK", now));

        assertThat(change.previous().state()).isEqualTo(AgentState.READY);
        assertThat(states.current(AGENT).reason()).contains("BREAK");
    }

    @Test
    void aTransitionReturningTheSameStatusWritesNothing() {
        AgentStateChange change = states.apply(AGENT, (status, now) -> status);

        assertThat(change.changed()).isFalse();
        assertThat(cache).isEmpty();
    }

    @Test
    void anIllegalTransitionLeavesTheEntryAlone() {
        states.apply(AGENT, (status, now) -> status.goReady(now).reserve("call-1", "node-a", now).answer(now));
        String before = cache.get("demo/1001");

        assertThatThrownBy(() -> states.apply(AGENT, (status, now) -> status.goReady(now)))
                .isInstanceOf(IllegalAgentTransition.class);
        assertThat(cache.get("demo/1001")).isEqualTo(before);
    }

    @Test
    void aWriterThatLostTheRaceRecomputesFromTheWinnersStatus() {
        String ready = AgentStatusCodec.encode(AgentStatus.loggedOut(AGENT, NOW).goReady(NOW));
        cache.put("demo/1001", ready);
        AtomicInteger calls = new AtomicInteger();
        AgentTransition reserveAfterAnotherNodeDid = (status, now) -> {
            if (calls.incrementAndGet() == 1) {
                // Another node reserves the agent between our read and our replace.
                cache.put("demo/1001", AgentStatusCodec.encode(status.reserve("their-call", "node-a", now)));
            }
            return status.reserve("our-call", "node-a", now);
        };

        assertThatThrownBy(() -> states.apply(AGENT, reserveAfterAnotherNodeDid)).isInstanceOf(IllegalAgentTransition.class);
        assertThat(calls).hasValue(2);
        assertThat(states.current(AGENT).callId()).contains("their-call");
    }

    @Test
    void twoFirstWritersCannotBothCreateTheEntry() {
        AtomicInteger calls = new AtomicInteger();
        AgentTransition pauseAfterAnotherNodeWentReady = (status, now) -> {
            if (calls.incrementAndGet() == 1) {
                cache.putIfAbsent("demo/1001", AgentStatusCodec.encode(status.goReady(now)));
            }
            return status.pause("LUNCH", now);
        };

        AgentStateChange change = states.apply(AGENT, pauseAfterAnotherNodeWentReady);

        assertThat(calls).hasValue(2);
        assertThat(change.previous().state()).isEqualTo(AgentState.READY);
        assertThat(states.current(AGENT).state()).isEqualTo(AgentState.PAUSED);
    }

    @Test
    void givesUpWithAConflictWhenOthersKeepWinning() {
        AtomicInteger overtaken = new AtomicInteger();
        AgentTransition alwaysOvertaken = (status, now) -> {
            // Another node changes the agent (each time differently) between our read and our write.
            cache.put("demo/1001", AgentStatusCodec.encode(status.pause("BREAK", now.plusMillis(overtaken.incrementAndGet()))));
            return status.goReady(now);
        };

        assertThatThrownBy(() -> states.apply(AGENT, alwaysOvertaken)).isInstanceOf(AgentStateConflict.class)
                .hasMessageContaining("1001");
        assertThat(overtaken).hasValue(InfinispanAgentStates.MAX_ATTEMPTS);
    }

    @Test
    void concurrentReservationsOfOneAgentHaveExactlyOneWinner() throws Exception {
        states.apply(AGENT, (status, now) -> status.goReady(now));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int call = 0; call < 8; call++) {
                String callId = "call-" + call;
                attempts.add(threads.submit(() -> {
                    try {
                        states.apply(AGENT, (status, now) -> status.reserve(callId, "node-a", now));
                        return true;
                    } catch (IllegalAgentTransition | AgentStateConflict lost) {
                        return false;
                    }
                }));
            }
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(states.current(AGENT).state()).isEqualTo(AgentState.RESERVED);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theStatusReturnedIsTheStatusReadBackLater() {
        Clock nanos = Clock.fixed(Instant.parse("2026-11-25T08:00:00.123456789Z"), ZoneOffset.UTC);
        InfinispanAgentStates precise = new InfinispanAgentStates(cache, nanos);

        AgentStateChange change = precise.apply(AGENT, (status, now) -> status.goReady(now));

        assertThat(precise.current(AGENT)).isEqualTo(change.current());
        assertThat(change.current().since()).isEqualTo(Instant.parse("2026-11-25T08:00:00.123Z"));
    }

    @Test
    void refusesAnEntryThatHoldsAnotherAgent() {
        cache.put("demo/1001", AgentStatusCodec.encode(AgentStatus.loggedOut(new AgentKey(new TenantKey("acme"), "1001"), NOW)));

        assertThatThrownBy(() -> states.current(AGENT)).isInstanceOf(IllegalStateException.class);
    }
}
