package io.verbund.acd.callflow;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A published version of a tenant's call flow: nodes by id and the node a call starts at. */
public record CallFlow(String name, int version, String start, Map<String, CallFlowNode> nodes) {

    public CallFlow {
        nodes = Map.copyOf(nodes);
        if (!nodes.containsKey(start)) {
            throw new IllegalArgumentException("call flow " + name + ": start node " + start + " does not exist");
        }
    }

    public static CallFlow of(String name, int version, String start, java.util.Collection<CallFlowNode> nodes) {
        return new CallFlow(name, version, start, nodes.stream().collect(Collectors.toMap(CallFlowNode::id, Function.identity())));
    }

    public Optional<CallFlowNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }
}
