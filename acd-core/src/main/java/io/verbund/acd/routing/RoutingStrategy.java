package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How an ACD group picks among its available agents: the order in which they are tried. The
 * distributor reserves them with a conditional replace, so an order is safer than one pick: when the
 * first is taken meanwhile by another node, the next one is tried.
 *
 * <p>Every order puts a lower group penalty first and breaks the strategy's ties by longest idle,
 * then extension: a total order, the same on every node.
 */
public interface RoutingStrategy {

    /** Best first for this caller's turn: the agent at the head of this order is offered the call. */
    Comparator<Candidate> orderFor(Turn turn);

    /** The available agents in the order they are tried for this turn. */
    default List<Candidate> rank(List<Candidate> available, Turn turn) {
        return available.stream().sorted(orderFor(turn)).toList();
    }

    /**
     * Whether this strategy orders the agents for {@code next} exactly as for {@code previous}: a
     * pass then carries on with the ranking it made for one caller for the next, instead of
     * comparing the agents again. Orders by the agents alone always are; one drawn per call, or
     * following the last offer, never is.
     */
    default boolean ranksAlike(Turn previous, Turn next) {
        return false;
    }

    /** Whether all ranked agents ring at once (ring-all) instead of one after another. */
    default boolean ringsAllAtOnce() {
        return false;
    }

    /**
     * Whether the order carries on after the member last offered a call of the group: the
     * distributor then tells it who that was, and keeps it in {@link RoundRobinCursors}.
     */
    default boolean followsLastOffered() {
        return false;
    }

    /** Whether the order needs each agent's calls and talk time today ({@link AgentWorkloads}), read per agent per pass. */
    default boolean ranksByWorkload() {
        return false;
    }

    /** A one-line reason naming the ordering key, for the call's decision record, e.g. "longest idle: 1003 free for 42 s". */
    String explain(Candidate chosen, Turn turn, Instant now);

    static RoutingStrategy named(String name) {
        return switch (name) {
            case "LONGEST_IDLE" -> new LongestIdle();
            case "ROUND_ROBIN" -> new RoundRobin();
            case "RING_ALL" -> new RingAll();
            // LEAST_CALLS is the name the schema first gave it; stored groups may still carry it.
            case "FEWEST_CALLS", "LEAST_CALLS" -> new FewestCalls();
            case "LEAST_TALK_TIME" -> new LeastTalkTime();
            case "RANDOM" -> new RandomOrder();
            case "LINEAR" -> new Linear();
            case "SKILLS_BASED" -> new SkillsBased();
            default -> throw new IllegalArgumentException("unknown routing strategy " + name);
        };
    }
}
