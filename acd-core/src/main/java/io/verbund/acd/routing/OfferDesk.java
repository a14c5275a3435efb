package io.verbund.acd.routing;

import java.util.List;

/**
 * Port: rings the phones of the agents reserved for a caller, who is out of the queue by then. It
 * owns what follows: the answer, or freeing the agents and putting the caller back.
 */
@FunctionalInterface
public interface OfferDesk {

    /** @param decision why these agents: the call stores it with its events */
    void offer(QueueEntry caller, RoutingGroup group, List<Reservation> reserved, RoutingDecision decision);
}
