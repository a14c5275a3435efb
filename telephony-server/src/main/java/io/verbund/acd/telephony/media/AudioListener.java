package io.verbund.acd.telephony.media;

/**
 * Hears the audio a leg receives while it is not bridged, such as a voicemail being left: each
 * payload in sequence order, as it crossed the wire. Runs on the receive thread; must not block.
 */
@FunctionalInterface
public interface AudioListener {

    void received(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos);
}
