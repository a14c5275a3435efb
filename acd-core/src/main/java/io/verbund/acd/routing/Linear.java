package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/** Always from the top of the group's list: the first free member in member order gets the call. */
public final class Linear implements RoutingStrategy {

    private static final Comparator<Candidate> ORDER = Ties.penaltyThen((a, b) -> Integer.compare(a.position(), b.position()));

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
        return "linear: " + chosen.extension() + " is at position " + chosen.position() + " in the group's list";
    }
}
