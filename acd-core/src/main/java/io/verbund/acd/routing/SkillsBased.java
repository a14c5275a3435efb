package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The most proficient agent in the group's skill gets the call; among equals the longest idle. */
public final class SkillsBased implements RoutingStrategy {

    private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::proficiency).reversed()
            .thenComparing(LongestIdle.ORDER);

    @Override
    public List<Candidate> rank(QueueEntry call, List<Candidate> available) {
        return available.stream().sorted(ORDER).toList();
    }

    @Override
    public String explain(Candidate chosen, QueueEntry call, Instant now) {
        return "skills: " + chosen.status().agent().extension() + " has proficiency " + chosen.proficiency();
    }
}
