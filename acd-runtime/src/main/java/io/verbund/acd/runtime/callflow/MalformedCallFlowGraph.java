package io.verbund.acd.runtime.callflow;

/**
 * Text that is no call-flow graph at all: not JSON, or JSON of the wrong shape. The message names
 * where, e.g. {@code nodes[2].exits must be an object of strings}. What is wrong inside a
 * well-shaped graph is not this failure but a list of violations from the check.
 */
public class MalformedCallFlowGraph extends IllegalArgumentException {

    public MalformedCallFlowGraph(String message) {
        super(message);
    }

    public MalformedCallFlowGraph(String message, Throwable cause) {
        super(message, cause);
    }
}
