package io.verbund.acd.callflow;

import java.util.Map;
import java.util.Optional;

/** One node of a call-flow graph: its type, its parameters and its named exits to other nodes. */
public record CallFlowNode(String id, String type, Map<String, String> parameters, Map<String, String> exits) {

    public CallFlowNode {
        parameters = Map.copyOf(parameters);
        exits = Map.copyOf(exits);
    }

    public Optional<String> exit(String name) {
        return Optional.ofNullable(exits.get(name));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
