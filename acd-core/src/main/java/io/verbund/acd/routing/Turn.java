package io.verbund.acd.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * One caller's turn in a distribution pass: what an order may depend on besides the agents
 * themselves.
 *
 * @param caller the caller to be offered (a random order is drawn per call)
 * @param lastOffered the member last offered a call of the group, where round robin carries on;
 *        empty before the first offer, or when the strategy does not follow it
 */
public record Turn(QueueEntry caller, Optional<GroupMembership> lastOffered) {

    public Turn {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(lastOffered, "lastOffered");
    }
}
