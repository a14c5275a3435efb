package io.verbund.acd.callflow;

/**
 * One thing wrong with a call-flow graph, for the tenant admin to fix before the flow can be
 * published.
 *
 * @param nodeId  the node concerned as the graph names it (possibly blank or repeated);
 *                {@code null} when the graph as a whole is concerned
 * @param field   what in the node or graph is concerned: {@code start}, {@code nodes}, {@code id},
 *                {@code type}, {@code exits}, {@code parameters.<name>} or {@code exits.<name>};
 *                {@code null} when it is the node as a whole (one that cannot be reached)
 * @param message a complete English sentence naming the node, e.g.
 *                {@code node "menu": exit "1" leads to "sales", which is not a node of this flow}
 */
public record CallFlowViolation(String nodeId, String field, String message) {
}
