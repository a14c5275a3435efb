package io.verbund.acd.callflow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A call-flow graph as stored, before anything is checked: the start may be missing or name no
 * node, ids may be blank or repeat, types and exits may be unknown. It exists so that
 * {@link CallFlowCheck} can tell the tenant admin everything that is wrong at once, where
 * {@link CallFlow} would stop at the first fault.
 *
 * @param start the id of the node a call starts at; {@code null} when the graph names none
 * @param nodes in the order the graph lists them, which is the order violations are reported in
 */
public record CallFlowGraph(String start, List<CallFlowNode> nodes) {

    public CallFlowGraph {
        nodes = List.copyOf(nodes);
    }

    /**
     * The graph as a flow calls can walk. Meant for a graph without violations; it refuses only
     * what {@link CallFlow} cannot hold at all, so a graph with, say, an unknown prompt still loads.
     *
     * @throws IllegalArgumentException when the start is missing or no node, or a node id is missing or repeats
     */
    public CallFlow toCallFlow(String name, int version) {
        if (start == null) {
            throw new IllegalArgumentException("call flow " + name + " has no start node");
        }
        Set<String> ids = new HashSet<>();
        for (CallFlowNode node : nodes) {
            if (node.id() == null) {
                throw new IllegalArgumentException("call flow " + name + " has a node without an id");
            }
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("call flow " + name + " has more than one node with id " + node.id());
            }
        }
        return CallFlow.of(name, version, start, nodes);
    }

    /**
     * The names of one kind of tenant configuration the nodes' parameters name (e.g. every prompt
     * the flow plays), so a prompt or group still in use can be told from one that is not. Nodes of
     * unknown types name nothing.
     */
    public Set<String> references(TenantResource kind) {
        Set<String> names = new TreeSet<>();
        for (CallFlowNode node : nodes) {
            NodeType.named(node.type()).ifPresent(type -> type.parameters().stream()
                    .filter(parameter -> parameter.names().filter(kind::equals).isPresent())
                    .forEach(parameter -> node.parameter(parameter.name()).filter(value -> !value.isBlank()).ifPresent(names::add)));
        }
        return names;
    }
}
