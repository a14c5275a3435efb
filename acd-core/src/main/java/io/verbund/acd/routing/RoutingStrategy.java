package io.verbund.acd.routing;

import java.util.Comparator;
import java.util.List;

/**
 * How an ACD group picks among its available agents: the order in which they are tried. The
 * distributor reserves them with a conditional replace, so an order is safer than one pick: when the
 * first is taken meanwhile by another node, the next one is tried.
 */
public interface RoutingStrategy {

    /** Best first: the agent at the head of this order is offered the call. */
    Comparator<Candidate> order();

    /** The available agents in the order they are tried. */
    default List<Candidate> rank(List<Candidate> available) {
        return available.stream().sorted(order()).toList();
    }

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
