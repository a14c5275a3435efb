package io.verbund.acd.lbconfig.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.verbund.acd.lbconfig.topology.NodeRole;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sizing model on known inputs: exact node counts and sizes, worked out by hand from the figures. */
class SizerTest {

    private final Sizer sizer = new Sizer();

    /** The concept's standalone system: 200 agents; the concurrent calls and screens of local.yaml's sizing. */
    static Demand conceptExample() {
        return new Demand(200, 120, 0.5, 180, 30, 100, 90, 200, 10, 4, 5000);
    }

    @Test
    void theConceptsTwoHundredAgentsShareTwoNodes() {
        SizingPlan plan = sizer.plan(conceptExample());

        // 120 calls: 120 x 30/210 waiting (one leg), 120 x 180/210 talking (two legs) = 222.9 legs of 700 planned = 32 %;
        // 214 sessions of 350 planned = 61 %: 93 % of one node, so both roles on 1 + 1 spare.
        assertThat(plan.peakCalls()).isEqualTo(120);
        assertThat(plan.mediaLegs()).isCloseTo(120 * 390 / 210.0, within(1e-9));
        assertThat(plan.sharedNodes()).isTrue();
        assertThat(plan.nodeRoles()).containsExactly(Set.of(NodeRole.WEB, NodeRole.TELEPHONY), Set.of(NodeRole.WEB, NodeRole.TELEPHONY));
        assertThat(plan.roles()).extracting(RoleCount::role, RoleCount::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("web + telephony", 2), org.assertj.core.groups.Tuple.tuple("load balancer", 2),
                org.assertj.core.groups.Tuple.tuple("database master", 2), org.assertj.core.groups.Tuple.tuple("database replica", 2));
        assertThat(plan.roles().get(0).why()).contains("93 %", "calls 32 %", "portal 61 %", "+ 1 spare (N+1)");
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void theConceptsTwoHundredAgentsStoreRecordingsAtOurBytesPerHour() {
        SizingPlan plan = sizer.plan(conceptExample());

        // 5000 calls a day x 90 days x 100 % x 180 s = 22 500 hours x 57.6 MB.
        assertThat(plan.recordedHours()).isCloseTo(22_500, within(1e-6));
        assertThat(plan.recordingBytes()).isEqualTo(1_296_000_000_000L);
        assertThat(plan.otherFileBytes()).isEqualTo(512_000_000_000L);
        assertThat(plan.storageBytes()).isEqualTo(1_808_000_000_000L);
        // 365 x (5000 x 13.18 rows + 200 x 69.70 slice rows) x 360 bytes.
        assertThat(plan.databaseBytesPerYear()).isEqualTo(10_492_824_360L);
    }

    @Test
    void aDemoSizeNeedsTheMinimumAndNoStorageForRecordings() {
        SizingPlan plan = sizer.plan(new Demand(5, 6, 0.05, 60, 20, 0, 0, 5, 0, 0, 125));

        // 6 calls: 1.5 waiting, 4.5 talking = 10.5 legs.
        assertThat(plan.mediaLegs()).isCloseTo(10.5, within(1e-9));
        assertThat(plan.sharedNodes()).isTrue();
        assertThat(plan.telephonyNodes()).isEqualTo(2);
        assertThat(plan.webNodes()).isEqualTo(2);
        assertThat(plan.recordingBytes()).isZero();
        assertThat(plan.databaseBytesPerYear()).isEqualTo(262_320_609L);
        assertThat(plan.otherFileBytes()).isEqualTo(512_000_000_000L);
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void twoThousandAgentsGetTheirOwnTelephonyAndWebNodes() {
        SizingPlan plan = sizer.plan(new Demand(2000, 1500, 10, 180, 30, 20, 365, 2000, 60, 20, 50_000));

        // 10 CAPS x 210 s = 2100 calls (Little's law, more than the 1500 given): 300 waiting + 1800 x 2 talking = 3900 legs,
        // 5.57 nodes' worth at 700 each -> 5.57 / 0.35 = 15.92 -> 16 + 1. Web: 2080 / 350 = 5.94 -> 16.98 -> 17 + 1.
        assertThat(plan.peakCalls()).isEqualTo(2100);
        assertThat(plan.mediaLegs()).isCloseTo(3900, within(1e-9));
        assertThat(plan.sharedNodes()).isFalse();
        assertThat(plan.telephonyNodes()).isEqualTo(17);
        assertThat(plan.webNodes()).isEqualTo(18);
        assertThat(plan.nodeRoles()).hasSize(35);
        assertThat(plan.nodeRoles().subList(0, 17)).allMatch(roles -> roles.equals(Set.of(NodeRole.TELEPHONY)));
        assertThat(plan.nodeRoles().subList(17, 35)).allMatch(roles -> roles.equals(Set.of(NodeRole.WEB)));
        assertThat(plan.roles().get(0).why()).contains("3900 media legs", "16 nodes at 35 % each (scale-out, measured)");
        // 50 000 x 365 x 20 % x 180 s = 182 500 hours.
        assertThat(plan.recordingBytes()).isEqualTo(10_512_000_000_000L);
        assertThat(plan.otherFileBytes()).isEqualTo(10 * 512_000_000_000L);
        assertThat(plan.databaseBytesPerYear()).isEqualTo(104_928_243_600L);
        assertThat(plan.notes()).anySatisfy(note -> assertThat(note).contains("Little's law", "sized for 2100"))
                .anySatisfy(note -> assertThat(note).contains("80 supervisor and wallboard screens", "further realtime replica"));
    }

    @Test
    void theCallRateDrivesTelephonyWhenCallsAreShort() {
        // 100 CAPS of 1 s calls without waiting: 100 calls, 200 legs = 0.29 of a node; 100 / 140 CAPS = 0.71: the rate wins.
        // Web: 1000 sessions / 350 = 2.86 nodes' worth / 0.35 = 8.16 -> 9 + 1.
        SizingPlan plan = sizer.plan(new Demand(100, 100, 100, 1, 0, 0, 0, 1000, 0, 0, 0));

        assertThat(plan.sharedNodes()).isFalse();
        assertThat(plan.telephonyNodes()).isEqualTo(2);
        assertThat(plan.roles().get(0).why()).startsWith("71 % of one node: 1 node for --caps 100 of 140 planned per node");
        assertThat(plan.webNodes()).isEqualTo(10);
    }

    @Test
    void oneNodesWorthIsOneNodeAndMoreIsSpreadAtTheScaleOutFactor() {
        assertThat(Sizer.nodesFor(0)).isEqualTo(1);
        assertThat(Sizer.nodesFor(1.0)).isEqualTo(1);
        // Two nodes keep 2 x 35 % = 70 % of one: past one node's worth takes three.
        assertThat(Sizer.nodesFor(1.01)).isEqualTo(3);
        assertThat(Sizer.nodesFor(1.05)).isEqualTo(3);
        assertThat(Sizer.nodesFor(1.06)).isEqualTo(4);
    }

    @Test
    void exactlyOnePlannedNodeOfCallsAndPortalTogetherStillShares() {
        // 70 CAPS = half of 140, 175 sessions = half of 350.
        SizingPlan plan = sizer.plan(new Demand(175, 0, 70, 0, 0, 0, 0, 175, 0, 0, 0));

        assertThat(plan.sharedNodes()).isTrue();
        assertThat(plan.telephonyNodes()).isEqualTo(2);
    }

    @Test
    void saysWhereOneMasterAndTheDispatcherAreOutgrown() {
        SizingPlan plan = sizer.plan(new Demand(2000, 2000, 400, 2, 2, 0, 0, 2000, 0, 0, 0));

        // 400 x 11 = 4400 writes/s past 3850; 400 CAPS past Kamailio's 350.
        assertThat(plan.masters()).isEqualTo(2);
        assertThat(plan.notes()).anySatisfy(note -> assertThat(note).contains("4400 writes/s", "only one master is ever written"))
                .anySatisfy(note -> assertThat(note).contains("--caps 400 is past the SIP dispatcher's planned 350 CAPS"));
    }

    @Test
    void saysWhenMoreCallsTalkThanThereAreAgents() {
        SizingPlan plan = sizer.plan(new Demand(10, 100, 0, 100, 0, 0, 0, 10, 0, 0, 0));

        assertThat(plan.notes()).anySatisfy(note -> assertThat(note).contains("100 calls would be talking", "only 10 agents"));
    }

    @Test
    void rejectsImpossibleInputsNamingTheOption() {
        assertThatThrownBy(() -> new Demand(0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0)).isInstanceOf(InvalidDemand.class)
                .hasMessage("--agents: must be 1-100000, was 0");
        assertThatThrownBy(() -> new Demand(1, 1, -0.5, 1, 1, 0, 0, 0, 0, 0, 0)).hasMessageStartingWith("--caps: ");
        assertThatThrownBy(() -> new Demand(1, 1, Double.NaN, 1, 1, 0, 0, 0, 0, 0, 0)).hasMessageStartingWith("--caps: ");
        assertThatThrownBy(() -> new Demand(1, 1, 1, 1, 1, 100.5, 0, 0, 0, 0, 0)).isInstanceOf(InvalidDemand.class)
                .hasMessage("--recorded: must be a share of 0-100 %, was 100.5");
        assertThatThrownBy(() -> new Demand(1, 1, 1, 1, -3, 0, 0, 0, 0, 0, 0)).hasMessage("--wait-time: must be 0-86400, was -3");
    }

    @Test
    void rejectsACallRateWhoseCallsATopologyCannotHold() {
        assertThatThrownBy(() -> sizer.plan(new Demand(1, 1, 1000, 86_400, 0, 0, 0, 0, 0, 0, 0)))
                .isInstanceOf(InvalidDemand.class).hasMessageContaining("--caps: ").hasMessageContaining("86400000 concurrent calls");
    }
}
