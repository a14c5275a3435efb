/**
 * SRTP (RFC 3711) with SDES keys (RFC 4568) for the media engine: the two crypto suites phones and
 * trunks offer with SDES ({@link io.verbund.acd.telephony.media.srtp.SrtpSuite}), the master keys
 * carried in {@code a=crypto} lines ({@link io.verbund.acd.telephony.media.srtp.SdesCrypto}), and per
 * leg a {@link io.verbund.acd.telephony.media.srtp.SrtpSession} that protects what the leg sends and
 * unprotects what it receives, in place, on the media threads' own buffers. Built on
 * {@code javax.crypto} AES and the JDK's SHA-1; no allocation per packet.
 */
package io.verbund.acd.telephony.media.srtp;
