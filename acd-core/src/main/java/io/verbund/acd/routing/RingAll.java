package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/** Every available agent rings at once; the first to answer takes the call. */
public final class RingAll implements RoutingStrategy {

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        return LongestIdle.ORDER;
    }

    @Override
    public boolean ringsAllAtOnce() {
        return true;
    }

    @Override
    public boolean ranksAlike(Turn previous, Turn next) {
        return true;
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        return "ring all: " + chosen.extension() + " rings with every free agent of the group";
    }
}
