package io.verbund.acd.telephony.media.srtp;

import java.util.Optional;

/**
 * The SDES crypto suites of RFC 4568 §6.2 we take: AES-128 in counter mode with HMAC-SHA1, the
 * SRTP authentication tag 80 or 32 bits long. SRTCP carries the 80-bit tag with both (§6.2.2). The
 * F8 and NULL-cipher suites are not taken: nobody needs them, and a NULL cipher is no protection.
 */
public enum SrtpSuite {

    AES_CM_128_HMAC_SHA1_80(10),
    AES_CM_128_HMAC_SHA1_32(4);

    /** The SRTCP authentication tag, whatever the suite. */
    public static final int RTCP_TAG_LENGTH = 10;
    /** The longest tag a packet grows by: room to leave in a send buffer. */
    public static final int MAX_TAG_LENGTH = 10;

    private final int rtpTagLength;

    SrtpSuite(int rtpTagLength) {
        this.rtpTagLength = rtpTagLength;
    }

    /** In bytes. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** The suite of an {@code a=crypto} line, by its exact (case-sensitive, RFC 4568 §9.2) name. */
    public static Optional<SrtpSuite> ofName(String name) {
        for (SrtpSuite suite : values()) {
            if (suite.name().equals(name)) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
