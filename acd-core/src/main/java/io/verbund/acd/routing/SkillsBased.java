package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/**
 * Best match first: the agent furthest above the skills the caller needs now (the minimum and the
 * step its wait reached), then the most proficient in the group's skills; among equals the longest idle.
 */
public final class SkillsBased implements RoutingStrategy {

    private static final Comparator<Candidate> PROFICIENCY = (a, b) -> Integer.compare(b.proficiency(), a.proficiency());

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        Comparator<Candidate> match = (a, b) -> Integer.compare(turn.skillMatchOf(b), turn.skillMatchOf(a));
        return Ties.penaltyThen(match.thenComparing(PROFICIENCY));
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        return "skills: " + chosen.extension() + " has proficiency " + chosen.proficiency() + ", " + turn.skillMatchOf(chosen)
                + " above " + turn.skillsInForce();
    }
}
