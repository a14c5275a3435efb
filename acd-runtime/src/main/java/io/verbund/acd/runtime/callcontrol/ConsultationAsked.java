package io.verbund.acd.runtime.callcontrol;

import io.verbund.acd.call.TransferTarget;
import java.util.Objects;

/**
 * A step of an agent's consultation, as asked for through the API by {@code by}: start one with
 * {@code target} (null for the other steps), swap between caller and consulted party, complete it
 * (the caller goes to the consulted party; in a conference, the agent leaves it to the other two), return to
 * the caller (the consulted party is hung up), or bring the consulted party into a conference with the caller.
 */
public record ConsultationAsked(String callId, Kind kind, TransferTarget target, String by) {

    public enum Kind { START, SWAP, COMPLETE, RETURN, CONFERENCE }

    public ConsultationAsked {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.START) != (target != null)) {
            throw new IllegalArgumentException("only a consultation's start names a target");
        }
    }

    /** {@code START|agent:1002|by} or {@code SWAP||by}: how the command cache holds it. */
    String encode() {
        return kind.name() + "|" + (target == null ? "" : target.toString()) + "|" + by;
    }

    static ConsultationAsked decode(String callId, String encoded) {
        String[] parts = encoded.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a consultation command: " + encoded);
        }
        return new ConsultationAsked(callId, Kind.valueOf(parts[0]), parts[1].isEmpty() ? null : TransferTarget.parse(parts[1]), parts[2]);
    }
}
