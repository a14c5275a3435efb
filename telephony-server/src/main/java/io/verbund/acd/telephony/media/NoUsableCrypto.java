package io.verbund.acd.telephony.media;

/**
 * An SRTP offer ({@code RTP/SAVP}) none of whose {@code a=crypto} lines we can take (suite, key,
 * MKI, session parameters), or an SRTP call offered RTP in clear. Answered {@code 488} like any
 * offer we cannot take; its own type so the reason phrase says what to change.
 */
public class NoUsableCrypto extends NoCommonCodec {

    public NoUsableCrypto(String detail) {
        super(detail);
    }
}
