package io.verbund.acd.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Records every offer the distributor hands on instead of ringing phones. */
final class RecordingOfferDesk implements OfferDesk {

    record Offer(QueueEntry caller, RoutingGroup group, List<Reservation> reserved, RoutingDecision decision) {

        List<String> extensions() {
            return reserved.stream().map(r -> r.reserved().agent().extension()).toList();
        }
    }

    private final List<Offer> offers = new ArrayList<>();
    private final Consumer<Offer> listener;

    RecordingOfferDesk() {
        this(offer -> { });
    }

    /** @param listener sees each offer as it is made, while the distributor's pass is still running */
    RecordingOfferDesk(Consumer<Offer> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public synchronized void offer(QueueEntry caller, RoutingGroup group, List<Reservation> reserved, RoutingDecision decision) {
        // Copied: the distributor may reuse its list, and the record must show the offer as made.
        Offer offer = new Offer(caller, group, List.copyOf(reserved), decision);
        offers.add(offer);
        listener.accept(offer);
    }

    synchronized List<Offer> offers() {
        return List.copyOf(offers);
    }

    synchronized List<String> offeredCallers() {
        return offers.stream().map(o -> o.caller().callId()).toList();
    }
}
