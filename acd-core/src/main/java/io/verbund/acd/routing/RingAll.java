package io.verbund.acd.routing;

import java.time.Instant;
import java.util.List;

/** Every available agent rings at once; the first to answer takes the call. */
public final class RingAll implements RoutingStrategy {

    @Override
    public List<Candidate> rank(QueueEntry call, List<Candidate> available) {
        return available.stream().sorted(LongestIdle.ORDER).toList();
    }

    @Override
    public boolean ringsAllAtOnce() {
        return true;
    }

    @Override
    public String explain(Candidate chosen, QueueEntry call, Instant now) {
        return "ring all: " + chosen.status().agent().extension() + " answered first";
    }
}
