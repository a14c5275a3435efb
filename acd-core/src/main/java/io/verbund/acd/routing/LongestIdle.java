package io.verbund.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/** The agent free for the longest time gets the call; lower group penalty first. */
public final class LongestIdle implements RoutingStrategy {

    /** Written out rather than composed from key extractors: it runs a thousand times per distribution pass. */
    static final Comparator<Candidate> ORDER = (a, b) -> {
        int byPenalty = Integer.compare(a.penalty(), b.penalty());
        if (byPenalty != 0) {
            return byPenalty;
        }
        int byIdle = a.status().readySince().compareTo(b.status().readySince());
        return byIdle != 0 ? byIdle : a.status().agent().extension().compareTo(b.status().agent().extension());
    };

    @Override
    public Comparator<Candidate> order() {
        return ORDER;
    }

    @Override
    public String explain(Candidate chosen, QueueEntry call, Instant now) {
        return "longest idle: " + chosen.status().agent().extension() + " free for "
                + Duration.between(chosen.status().readySince(), now).toSeconds() + " s";
    }
}
