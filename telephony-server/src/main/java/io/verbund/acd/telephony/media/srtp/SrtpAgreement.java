package io.verbund.acd.telephony.media.srtp;

import java.util.Objects;

/**
 * What SDES offer/answer settled for a leg: the suite, the key we send with and the key the peer
 * sends with. {@link #toString} (in the leg's log lines) names the suite only.
 */
public record SrtpAgreement(SrtpSuite suite, SrtpMasterKey localKey, SrtpMasterKey remoteKey) {

    public SrtpAgreement {
        Objects.requireNonNull(suite);
        Objects.requireNonNull(localKey);
        Objects.requireNonNull(remoteKey);
    }

    @Override
    public String toString() {
        return "SRTP " + suite;
    }
}
