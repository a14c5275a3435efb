package io.verbund.acd.runtime.callcontrol;

import io.verbund.acd.call.TransferTarget;
import java.util.Objects;

/**
 * An agent adding a third party to its connected call, as asked through the API by {@code by}: the
 * node holding the call rings the target (another agent's phone, or a number the tenant allows)
 * and, once it answers, mixes all three.
 */
public record ConferenceAsked(String callId, TransferTarget target, String by) {

    public ConferenceAsked {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(by, "by");
    }
}
