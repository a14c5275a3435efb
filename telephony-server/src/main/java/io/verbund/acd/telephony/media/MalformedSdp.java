package io.verbund.acd.telephony.media;

/** A session description that cannot be read: the SIP side answers 400 (or 488 to a re-INVITE). */
public class MalformedSdp extends IllegalArgumentException {

    public MalformedSdp(String detail) {
        super(detail);
    }
}
