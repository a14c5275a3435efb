package io.verbund.acd.telephony.media;

/**
 * Sees the payload of a bridged call as the relay forwards it, exactly as it crossed the wire: the
 * recording listens here. Called on the media thread that received the packet; must not block.
 */
public interface BridgeTap {

    /** A packet's payload from the caller, with its RTP timestamp and the receive time. */
    void fromCaller(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos);

    /** A packet's payload from the agent, with its RTP timestamp and the receive time. */
    void fromAgent(byte[] payload, int offset, int length, long rtpTimestamp, long receivedNanos);

    /** The bridge ended: flush what is held and finish. */
    void close();
}
