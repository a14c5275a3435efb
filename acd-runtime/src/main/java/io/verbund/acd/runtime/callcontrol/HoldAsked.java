package io.verbund.acd.runtime.callcontrol;

/** Putting a connected caller on hold, or taking it off hold, as asked for through the API by {@code by}. */
public record HoldAsked(String callId, Kind kind, String by) {

    public enum Kind { HOLD, RESUME }
}
