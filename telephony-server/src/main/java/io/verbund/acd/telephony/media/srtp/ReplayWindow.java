package io.verbund.acd.telephony.media.srtp;

/**
 * The replay list of RFC 3711 §3.3.2 as a sliding window of 64 packet indexes below the highest
 * authenticated one (the minimum the RFC asks for). {@link #fresh} is asked before authenticating,
 * {@link #accept} only after: a forged packet never moves the window.
 */
final class ReplayWindow {

    static final int SIZE = 64;

    private boolean any;
    private long highest;
    private long seen;

    /** Not seen yet and not older than the window. */
    boolean fresh(long index) {
        if (!any || index > highest) {
            return true;
        }
        long behind = highest - index;
        return behind < SIZE && (seen & (1L << behind)) == 0;
    }

    void accept(long index) {
        if (!any) {
            any = true;
            highest = index;
            seen = 1;
        } else if (index > highest) {
            long shift = index - highest;
            seen = shift >= SIZE ? 1 : (seen << shift) | 1;
            highest = index;
        } else {
            seen |= 1L << (highest - index);
        }
    }

    void reset() {
        any = false;
        seen = 0;
    }
}
