package io.verbund.acd.runtime.callcontrol;

import java.util.Objects;

/**
 * A supervisor joining, switching or leaving a connected call, as asked through the API: the node
 * holding the call rings the supervisor's phone ({@code phone}, its SIP user) on the first ask and
 * mixes it in as {@code mode} says; a later ask on the same call switches the mode, {@link Mode#END}
 * hangs the supervisor's phone up. {@code notice}: the tenant wants the caller told (a prompt) when a
 * supervisor starts listening in.
 */
public record SupervisionAsked(String callId, Mode mode, String phone, boolean notice, String by) {

    /** What the supervisor hears and who hears the supervisor. */
    public enum Mode {
        /** The supervisor hears caller and agent; nobody hears the supervisor. */
        LISTEN,
        /** The agent hears the supervisor too; the caller never does. */
        WHISPER,
        /** Everyone hears everyone. */
        BARGE,
        /** The supervisor leaves; caller and agent talk on alone. */
        END
    }

    public SupervisionAsked {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(mode, "mode");
        if (mode != Mode.END && (phone == null || phone.isBlank() || phone.contains("|"))) {
            throw new IllegalArgumentException("a supervision needs the supervisor's phone");
        }
        if (by == null || by.contains("|")) {
            throw new IllegalArgumentException("who asks is needed, without |");
        }
    }

    String encode() {
        return String.join("|", mode.name(), phone == null ? "" : phone, Boolean.toString(notice), by);
    }

    static SupervisionAsked decode(String callId, String encoded) {
        String[] field = encoded.split("\\|", 4);
        if (field.length != 4) {
            throw new IllegalArgumentException("not a supervision command: " + encoded);
        }
        return new SupervisionAsked(callId, Mode.valueOf(field[0]), field[1].isEmpty() ? null : field[1],
                Boolean.parseBoolean(field[2]), field[3]);
    }
}
