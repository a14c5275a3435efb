package io.verbund.acd.call;

/**
 * How an outbound call that did not connect ends, as its record's outcome says it: a supervisor
 * reading the list must tell the agent's own phone from a busy number from a number nobody took.
 */
public enum OutboundOutcome {
    /** The agent's own phone did not answer, refused, or could not be rung: the number was never dialled. */
    AGENT_NOT_REACHED,
    /** The number was busy (486, 600) or declined (603). */
    BUSY,
    /** The number rang out: the node's ring timeout, or the far end's 408/480. */
    NO_ANSWER,
    /** The number could not be reached otherwise (no trunk, refused with another status, no usable answer). */
    FAILED,
    /** The agent hung up, or someone ended the call through the API, before the number answered. */
    CANCELLED;

    /** The outcome of a final non-2xx response from the number; {@code 0} (no response) counts as no answer. */
    public static OutboundOutcome ofNumberStatus(int sipStatus) {
        return switch (sipStatus) {
            case 486, 600, 603 -> BUSY;
            case 0, 408, 480, 487 -> NO_ANSWER;
            default -> FAILED;
        };
    }
}
