package io.verbund.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbund.acd.routing.GroupFairness.AgentShare;
import io.verbund.acd.routing.GroupFairness.Offer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupFairnessTest {

    private static Offer offer(String extension, long idleSeconds) {
        return new Offer(extension, Duration.ofSeconds(idleSeconds));
    }

    @Test
    void countsOffersPerAgentIncludingMembersOfferedNothing() {
        GroupFairness fairness = GroupFairness.of(List.of("1001", "1002", "1003"),
                List.of(offer("1001", 10), offer("1002", 30), offer("1001", 20), offer("1001", 60)));

        assertThat(fairness.members()).containsExactly(new AgentShare("1001", 3, 20.0), new AgentShare("1002", 1, 30.0),
                new AgentShare("1003", 0, null));
        assertThat(fairness.offers()).isEqualTo(4);
        assertThat(fairness.offersPerAgent().min()).isZero();
        assertThat(fairness.offersPerAgent().max()).isEqualTo(3);
        assertThat(fairness.offersPerAgent().mean()).isEqualTo(4 / 3.0);
        assertThat(fairness.offersPerAgent().standardDeviation()).isCloseTo(1.247, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void theIdleTimeAtOfferIsSpreadOverAllOffersByNearestRank() {
        GroupFairness fairness = GroupFairness.of(List.of("1001"),
                List.of(offer("1001", 10), offer("1001", 20), offer("1001", 30), offer("1001", 40), offer("1001", 100)));

        assertThat(fairness.idleAtOfferSeconds()).isEqualTo(new GroupFairness.Figures(10, 30, 100, 100, 40,
                Math.sqrt((900 + 400 + 100 + 0 + 3600) / 5.0)));
    }

    @Test
    void anAgentWhoLeftTheGroupStillCountsForItsOffers() {
        GroupFairness fairness = GroupFairness.of(List.of("1001"), List.of(offer("1009", 5)));

        assertThat(fairness.members()).extracting(AgentShare::extension).containsExactly("1001", "1009");
    }

    @Test
    void aPeriodWithoutOffersIsAllZero() {
        GroupFairness fairness = GroupFairness.of(List.of(), List.of());

        assertThat(fairness.offersPerAgent()).isEqualTo(GroupFairness.Figures.NONE);
        assertThat(fairness.idleAtOfferSeconds()).isEqualTo(GroupFairness.Figures.NONE);
    }

    @Test
    void aNegativeIdleTimeIsRefused() {
        assertThatThrownBy(() -> new Offer("1001", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
