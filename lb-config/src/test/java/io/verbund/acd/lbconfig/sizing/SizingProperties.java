package io.verbund.acd.lbconfig.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.lbconfig.topology.NodeRole;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** What must hold for any demand: more load never means fewer servers, and the topology always reads back. */
class SizingProperties {

    private final Sizer sizer = new Sizer();

    @Provide
    Arbitrary<Demand> demands() {
        Arbitrary<Integer> agents = Arbitraries.integers().between(1, 5000);
        Arbitrary<Integer> calls = Arbitraries.integers().between(0, 5000);
        // Up to 400 CAPS (with the increase) x 240 s stays within the 100 000 calls a topology holds.
        Arbitrary<Double> caps = Arbitraries.integers().between(0, 1000).map(tenths -> tenths / 10.0);
        Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 120);
        Arbitrary<Integer> screens = Arbitraries.integers().between(0, 5000);
        return Combinators.combine(agents, calls, caps, seconds, seconds, screens, screens, screens)
                .as((a, c, r, talk, wait, web, supervisors, wallboards) ->
                        new Demand(a, c, r, talk, wait, 50, 30, web, supervisors / 10, wallboards / 10, a * 25));
    }

    @Property
    void moreCallsAttemptsOrScreensNeverGiveFewerNodes(@ForAll("demands") Demand demand, @ForAll @IntRange(min = 1, max = 3000) int more,
                                                        @ForAll @IntRange(min = 0, max = 4) int which) {
        Demand larger = switch (which) {
            case 0 -> copy(demand, demand.concurrentCalls() + more, demand.callsPerSecond(), demand.webSessions(), demand.supervisors());
            case 1 -> copy(demand, demand.concurrentCalls(), demand.callsPerSecond() + more / 10.0, demand.webSessions(), demand.supervisors());
            case 2 -> copy(demand, demand.concurrentCalls(), demand.callsPerSecond(), demand.webSessions() + more, demand.supervisors());
            default -> copy(demand, demand.concurrentCalls(), demand.callsPerSecond(), demand.webSessions(), demand.supervisors() + more);
        };
        SizingPlan before = sizer.plan(demand);
        SizingPlan after = sizer.plan(larger);

        assertThat(after.telephonyNodes()).isGreaterThanOrEqualTo(before.telephonyNodes());
        assertThat(after.webNodes()).isGreaterThanOrEqualTo(before.webNodes());
        assertThat(after.nodeRoles().size()).isGreaterThanOrEqualTo(before.nodeRoles().size());
        assertThat(after.databaseBytesPerYear()).isGreaterThanOrEqualTo(before.databaseBytesPerYear());
    }

    @Property
    void everySizedTopologyReadsBackWithTwoNodesPerRoleAtLeast(@ForAll("demands") Demand demand) throws Exception {
        SizingPlan plan = sizer.plan(demand);

        Topology topology = new TopologyReader().read(SizedTopology.yaml(plan, "verbund", Machines.onThisMachine(), "test"), "sized.yaml");

        assertThat(topology.nodesWith(NodeRole.TELEPHONY)).hasSize(plan.telephonyNodes()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(topology.nodesWith(NodeRole.WEB)).hasSize(plan.webNodes()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(topology.masters()).hasSize(2);
        assertThat(topology.replicas()).hasSize(2);
        assertThat(topology.sizing().agents()).isEqualTo(demand.agents());
    }

    private static Demand copy(Demand demand, int concurrentCalls, double callsPerSecond, int webSessions, int supervisors) {
        return new Demand(demand.agents(), concurrentCalls, callsPerSecond, demand.talkSeconds(), demand.waitSeconds(),
                demand.recordedPercent(), demand.retentionDays(), webSessions, supervisors, demand.wallboards(), demand.callsPerDay());
    }
}
