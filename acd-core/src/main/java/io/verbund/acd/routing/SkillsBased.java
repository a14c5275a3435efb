package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/**
 * Best match first: the agent furthest above the skills the caller needs now (the minimum and the
 * step its wait reached), then the most proficient in the group's skills; among equals the longest idle.
 */
public final class SkillsBased implements RoutingStrategy {

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        // Written out, not composed with thenComparing: a look compares most free agents of the group per caller.
        return Ties.penaltyThen((a, b) -> {
            int byMatch = Integer.compare(turn.skillMatchOf(b), turn.skillMatchOf(a));
            return byMatch != 0 ? byMatch : Integer.compare(b.proficiency(), a.proficiency());
        });
    }

    @Override
    public boolean ranksAlike(Turn previous, Turn next) {
        return previous.checksSkillsAs(next);
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        return "skills: " + chosen.extension() + " has proficiency " + chosen.proficiency() + ", " + turn.skillMatchOf(chosen)
                + " above " + turn.skillsInForce();
    }
}
