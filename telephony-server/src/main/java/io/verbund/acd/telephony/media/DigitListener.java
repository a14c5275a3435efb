package io.verbund.acd.telephony.media;

/** Hears the DTMF digits of a leg, from RTP (RFC 4733) or SIP INFO, once each, in order. */
@FunctionalInterface
public interface DigitListener {

    /** {@code 0–9}, {@code *}, {@code #} or {@code A–D}. Runs on the engine's event executor. */
    void onDigit(char digit);
}
