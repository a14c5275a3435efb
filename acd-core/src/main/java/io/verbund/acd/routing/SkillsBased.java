package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/** The most proficient agent in the group's skill gets the call; among equals the longest idle. */
public final class SkillsBased implements RoutingStrategy {

    private static final Comparator<Candidate> ORDER = Ties.penaltyThen((a, b) -> Integer.compare(b.proficiency(), a.proficiency()));

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        return ORDER;
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        return "skills: " + chosen.extension() + " has proficiency " + chosen.proficiency();
    }
}
