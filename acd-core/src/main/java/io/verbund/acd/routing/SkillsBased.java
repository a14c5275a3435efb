package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/** The most proficient agent in the group's skill gets the call; among equals the longest idle. */
public final class SkillsBased implements RoutingStrategy {

    private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::proficiency).reversed()
            .thenComparing(LongestIdle.ORDER);

    @Override
    public Comparator<Candidate> order() {
        return ORDER;
    }

    @Override
    public String explain(Candidate chosen, QueueEntry call, Instant now) {
        return "skills: " + chosen.status().agent().extension() + " has proficiency " + chosen.proficiency();
    }
}
