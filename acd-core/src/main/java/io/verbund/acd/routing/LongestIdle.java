package io.verbund.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/** The agent free for the longest time gets the call; lower group penalty first. */
public final class LongestIdle implements RoutingStrategy {

    static final Comparator<Candidate> ORDER = (a, b) -> {
        int byPenalty = Integer.compare(a.penalty(), b.penalty());
        return byPenalty != 0 ? byPenalty : Ties.idleThenExtension(a, b);
    };

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
        return "longest idle: " + chosen.extension() + " free for "
                + Duration.between(chosen.status().readySince(), now).toSeconds() + " s";
    }
}
