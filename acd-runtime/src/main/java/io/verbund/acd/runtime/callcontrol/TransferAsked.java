package io.verbund.acd.runtime.callcontrol;

/** A blind transfer of a connected call, as asked for through the API by {@code by}. */
public record TransferAsked(String callId, TransferTarget target, String by) {
}
