package io.verbund.acd.routing;

import java.util.List;

/**
 * How an ACD group picks among its available agents. Returns the agents in the order they should be
 * tried; the caller of the strategy reserves them with a conditional replace, so a list is safer
 * than one pick: when the first is taken meanwhile by another node, the next one is tried.
 */
public interface RoutingStrategy {

    List<Candidate> rank(QueueEntry call, List<Candidate> available);

    /** Whether all ranked agents ring at once (ring-all) instead of one after another. */
    default boolean ringsAllAtOnce() {
        return false;
    }

    /** A one-line reason for the call's decision record, e.g. "longest idle: 1003 ready for 42 s". */
    String explain(Candidate chosen, QueueEntry call, java.time.Instant now);

    static RoutingStrategy named(String name) {
        return switch (name) {
            case "LONGEST_IDLE" -> new LongestIdle();
            case "RING_ALL" -> new RingAll();
            case "SKILLS_BASED" -> new SkillsBased();
            default -> throw new IllegalArgumentException("unknown routing strategy " + name);
        };
    }
}
