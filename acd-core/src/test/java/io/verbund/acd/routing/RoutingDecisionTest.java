package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.agent.AgentKey;
import io.verbund.acd.tenant.TenantKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingDecisionTest {

    private static final Instant AT = Instant.parse("2026-12-05T09:00:00Z");
    private static final TenantKey DEMO = new TenantKey("demo");

    private static AgentKey agent(int extension) {
        return new AgentKey(DEMO, Integer.toString(extension));
    }

    @Test
    void namesTheChosenFirstThenTheRankedLowerThenTheExcludedWithWhy() {
        RoutingDecision decision = new RoutingDecision.Builder(7, "LONGEST_IDLE", AT)
                .excluded(agent(1003), Exclusion.PAUSED, "PAUSED: LUNCH")
                .chose(agent(1001), "idle 42 s")
                .rankedLower(agent(1002), "idle 12 s")
                .excluded(agent(1004), Exclusion.BELOW_SKILL_MINIMUM, "Sales 1 < 3")
                .build();

        assertThat(decision.chosen()).containsExactly(agent(1001));
        assertThat(decision.considered()).extracting(RoutingDecision.Considered::agent)
                .containsExactly(agent(1001), agent(1002), agent(1003), agent(1004));
        assertThat(decision.excludedFor(Exclusion.BELOW_SKILL_MINIMUM)).containsExactly(agent(1004));
        assertThat(decision.excludedCounts()).containsEntry(Exclusion.PAUSED, 1).containsEntry(Exclusion.RANKED_LOWER, 1)
                .containsEntry(Exclusion.BELOW_SKILL_MINIMUM, 1).doesNotContainKey(Exclusion.WRAP_UP);
        assertThat(decision.eligible()).isEqualTo(2);
        assertThat(decision.considered().get(2).detail()).isEqualTo("PAUSED: LUNCH");
    }

    @Test
    void aLargeGroupIsNamedInPartButCountedInFull() {
        RoutingDecision.Builder builder = new RoutingDecision.Builder(7, "LONGEST_IDLE", AT).chose(agent(1), "idle 1 s");
        for (int i = 2; i <= 1000; i++) {
            builder.rankedLower(agent(i), "idle");
        }
        for (int i = 1001; i <= 1500; i++) {
            builder.excluded(agent(i), Exclusion.WRAP_UP, "WRAP_UP");
        }

        RoutingDecision decision = builder.build();

        assertThat(decision.considered()).hasSize(1 + 2 * RoutingDecision.LISTED);
        assertThat(decision.excludedCounts()).containsEntry(Exclusion.RANKED_LOWER, 999).containsEntry(Exclusion.WRAP_UP, 500);
        assertThat(decision.eligible()).isEqualTo(1000);
        assertThat(decision.considered().get(1).agent()).as("the best of the rest first").isEqualTo(agent(2));
    }

    @Test
    void anAgentIsNeverChosenAndExcluded() {
        assertThatThrownBy(() -> new RoutingDecision.Considered(agent(1), true, Optional.of(Exclusion.PAUSED), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
