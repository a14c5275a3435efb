package io.verbund.acd.telephony.media;

import java.util.Arrays;
import java.util.Optional;

/** Which ways a media stream flows, as SDP's direction attributes say it (RFC 3264 §6.1). */
public enum MediaDirection {

    SENDRECV(true, true), SENDONLY(true, false), RECVONLY(false, true), INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    MediaDirection(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** What the other side of a stream does: our {@code sendonly} is their {@code recvonly}. */
    public MediaDirection reverse() {
        return of(receives, sends);
    }

    /** This direction without sending: what we answer to an offer that holds us. */
    public MediaDirection withoutSending() {
        return of(false, receives);
    }

    /** As SDP writes it: {@code sendrecv}, {@code sendonly}, {@code recvonly}, {@code inactive}. */
    public String attribute() {
        return name().toLowerCase();
    }

    public static Optional<MediaDirection> ofAttribute(String attribute) {
        return Arrays.stream(values()).filter(direction -> direction.attribute().equals(attribute)).findFirst();
    }

    private static MediaDirection of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }
}
