package io.verbund.acd.routing;

import java.time.Instant;
import java.util.Comparator;

/**
 * Calls go round the group's list: the member after the one last offered a call of the group gets
 * the next, wrapping to the top after the last member. Where the rotation stopped is kept
 * cluster-wide ({@link RoundRobinCursors}), so it carries on whichever node distributes.
 */
public final class RoundRobin implements RoutingStrategy {

    @Override
    public Comparator<Candidate> orderFor(Turn turn) {
        // Before the first offer every member is "after" the cursor: the rotation starts at the top.
        int last = turn.lastOffered().map(GroupMembership::position).orElse(Integer.MIN_VALUE);
        return Ties.penaltyThen((a, b) -> {
            int byLap = Boolean.compare(a.position() <= last, b.position() <= last);
            return byLap != 0 ? byLap : Integer.compare(a.position(), b.position());
        });
    }

    @Override
    public boolean followsLastOffered() {
        return true;
    }

    @Override
    public String explain(Candidate chosen, Turn turn, Instant now) {
        return turn.lastOffered()
                .map(last -> "round robin: " + chosen.extension() + " follows " + last.agent().extension() + ", last offered")
                .orElseGet(() -> "round robin: " + chosen.extension() + " starts the rotation, no member offered before");
    }
}
