package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/** The agent who answered the fewest calls today gets the next, so calls are shared out evenly by count. */
public final class FewestCalls implements RoutingStrategy {

    private static final Comparator<Candidate> ORDER = Ties.penaltyThen(
            (a, b) -> Integer.compare(a.workload().callsToday(), b.workload().callsToday()));

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        return ORDER;
    }

    @Override
    public boolean ranksAlike(Turn previous, Turn next) {
        return true;
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        return "fewest calls: " + chosen.extension() + " took " + chosen.workload().callsToday() + " today";
    }

    @Override
    public boolean ranksByWorkload() {
        return true;
    }
}
