package io.verbund.acd.call;

/**
 * Where a call stands. ROUTING: in the call flow; QUEUED and OFFERING: waiting for an agent (an
 * offering call has phones ringing); VOICEMAIL: answered by the node, the caller leaves a message;
 * TRANSFERRING: a transfer node of the flow rings a number; CONNECTED: talking to an agent, or to
 * the number a transfer reached; ENDED: nothing more happens. An outbound call (an agent's
 * click-to-dial) is DIALLING while its agent's phone and then the number ring, CONNECTED once the
 * number answered.
 */
public enum CallPhase {
    ROUTING, QUEUED, OFFERING, VOICEMAIL, TRANSFERRING, DIALLING, CONNECTED, ENDED
}
