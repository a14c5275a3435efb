package io.verbund.acd.agent;

/** Why an agent's lease on its call ended without the call path ending the call normally. */
public enum ReleaseReason {
    /** The telephony node holding the call left the cluster: its dialogs died with it. */
    NODE_LEFT,
    /** The holding node no longer has the call, or the call no longer involves this agent. */
    CALL_GONE,
    /** The agent's phone has no active registration: it cannot ring or talk. */
    PHONE_UNREGISTERED,
    /** The caller never acknowledged the answer (RFC 3261 13.3.1.4: 64·T1 of retransmitted 200s). */
    ACK_NOT_RECEIVED
}
