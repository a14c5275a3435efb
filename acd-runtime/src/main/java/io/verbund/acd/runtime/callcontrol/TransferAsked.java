package io.verbund.acd.runtime.callcontrol;

import io.verbund.acd.call.TransferTarget;

/** A blind transfer of a connected call, as asked for through the API by {@code by}. */
public record TransferAsked(String callId, TransferTarget target, String by) {
}
