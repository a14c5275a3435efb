package io.verbund.acd.callflow;

import java.time.Instant;

/**
 * The port through which a {@link CallFlowRun} asks whether a tenant's opening hours, named as a
 * flow's {@code opening_hours} node names them, are open at an instant, holidays included. The
 * runtime answers from the tenant's configuration, e.g. with
 * {@link io.verbund.acd.schedule.OpeningHours#isOpen(Instant)}; opening hours it does not know
 * are closed. It should answer from memory: the run asks while deciding, not as an action.
 */
@FunctionalInterface
public interface NamedOpeningHours {

    /** @throws RuntimeException when the opening hours cannot be read; the run then ends the call politely */
    boolean isOpen(String name, Instant at);
}
