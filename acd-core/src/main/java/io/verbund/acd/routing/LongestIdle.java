package io.verbund.acd.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/** The agent free for the longest time gets the call; lower group penalty first. */
public final class LongestIdle implements RoutingStrategy {

    static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::penalty)
            .thenComparing(candidate -> candidate.status().readySince())
            .thenComparing(candidate -> candidate.status().agent().extension());

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
