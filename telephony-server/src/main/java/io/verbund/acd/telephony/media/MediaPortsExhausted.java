package io.verbund.acd.telephony.media;

/**
 * No pair of RTP/RTCP ports is free in the configured range: the node carries as many calls as it
 * can. The SIP side answers {@code 503 Service Unavailable} (or the INVITE is not sent).
 */
public class MediaPortsExhausted extends RuntimeException {

    public MediaPortsExhausted(String detail) {
        super(detail);
    }
}
