package io.verbund.acd.callflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a stored call-flow graph against the node catalogue ({@link NodeType}) and the tenant's
 * configuration, and names everything wrong at once, so an admin fixes a flow in one round. A
 * graph without violations can become a {@link CallFlow} and every node a call reaches is one the
 * call path understands.
 */
public final class CallFlowCheck {

    /** The most nodes one flow may have. */
    public static final int MAX_NODES = 200;

    // Ids are used in exits, logs and call events; keeping them short and plain keeps those readable.
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    // A pasted prompt text or URL in a message would drown the sentence around it.
    private static final int MAX_QUOTED = 60;

    private final CallFlowReferences tenant;

    public CallFlowCheck(CallFlowReferences tenant) {
        this.tenant = tenant;
    }

    /**
     * Every violation of the graph: the graph's own first, then each node's in the order the graph
     * lists them; within a node, id, type, parameters and exits in the catalogue's order, then
     * reachability. The same graph always gives the same list. Empty when the flow may be published.
     */
    public List<CallFlowViolation> violations(CallFlowGraph graph) {
        List<CallFlowViolation> found = new ArrayList<>();
        List<CallFlowNode> nodes = graph.nodes();
        NodeIndex ids = NodeIndex.of(nodes);
        checkGraph(graph, ids, found);
        // Without a start that is a node, every node would be unreachable: that says nothing new.
        boolean startIsANode = ids.contains(graph.start());
        Set<String> reachable = startIsANode ? reachableFrom(graph.start(), ids) : Set.of();
        for (int index = 0; index < nodes.size(); index++) {
            CallFlowNode node = nodes.get(index);
            NodeFindings findings = new NodeFindings(node, index, ids, found);
            checkId(findings);
            NodeType.named(node.type()).ifPresentOrElse(type -> {
                checkParameters(type, findings);
                checkExits(type, findings);
            }, () -> {
                checkUnknownType(findings);
                checkTargets(new TreeSet<>(node.exits().keySet()), findings);
            });
            if (startIsANode && isPresent(node.id()) && !reachable.contains(node.id())) {
                findings.add(null, "cannot be reached from the start node " + quoted(graph.start()));
            }
        }
        return List.copyOf(found);
    }

    private static void checkGraph(CallFlowGraph graph, NodeIndex ids, List<CallFlowViolation> found) {
        int count = graph.nodes().size();
        if (count == 0) {
            found.add(new CallFlowViolation(null, "nodes", "the flow has no nodes"));
        } else if (count > MAX_NODES) {
            found.add(new CallFlowViolation(null, "nodes", "the flow has " + count + " nodes; at most " + MAX_NODES + " are allowed"));
        }
        if (!isPresent(graph.start())) {
            found.add(new CallFlowViolation(null, "start", "the flow names no start node"));
        } else if (count > 0 && !ids.contains(graph.start())) {
            // In an empty flow every start is unknown; "no nodes" already says so.
            found.add(new CallFlowViolation(null, "start", "the start node " + quoted(graph.start()) + " is not a node of this flow"));
        }
    }

    private static void checkId(NodeFindings findings) {
        String id = findings.node.id();
        if (!isPresent(id)) {
            findings.add("id", "has no id");
        } else if (!NODE_ID.matcher(id).matches()) {
            findings.add("id", "id " + quoted(id) + " may only have letters, digits, _ and -, at most 64 of them");
        } else if (findings.ids.firstPosition(id) != findings.index) {
            findings.add("id", "id " + quoted(id) + " is already used by node #" + (findings.ids.firstPosition(id) + 1)
                    + "; ids must be unique");
        }
    }

    private static void checkUnknownType(NodeFindings findings) {
        String type = findings.node.type();
        findings.add("type", (isPresent(type) ? "type " + quoted(type) + " is not a node type" : "has no type")
                + "; the types are " + NodeType.typeNames());
    }

    private void checkParameters(NodeType type, NodeFindings findings) {
        Map<String, String> given = findings.node.parameters();
        for (NodeParameter parameter : type.parameters()) {
            String value = given.get(parameter.name());
            String field = "parameters." + parameter.name();
            if (value == null) {
                if (parameter.required()) {
                    findings.add(field, "parameter " + quoted(parameter.name()) + " is missing; it is "
                            + parameter.format().expectation());
                }
            } else if (!parameter.format().accepts(value)) {
                findings.add(field, "parameter " + quoted(parameter.name()) + " must be " + parameter.format().expectation()
                        + ", not " + quoted(value));
            } else {
                parameter.names().filter(resource -> !resource.existsIn(tenant, value)).ifPresent(resource ->
                        findings.add(field, "parameter " + quoted(parameter.name()) + " names the " + resource.words() + " "
                                + quoted(value) + ", which this tenant does not have"));
            }
        }
        for (String name : new TreeSet<>(given.keySet())) {
            if (type.parameter(name).isEmpty()) {
                findings.add("parameters." + name, aNode(type) + " has no parameter " + quoted(name) + " ("
                        + (type.parameters().isEmpty() ? "it takes none" : "its parameters are "
                                + String.join(", ", type.parameters().stream().map(NodeParameter::name).toList())) + ")");
            }
        }
    }

    private static void checkExits(NodeType type, NodeFindings findings) {
        Map<String, String> exits = findings.node.exits();
        checkTargets(type.exits().stream().filter(exits::containsKey).toList(), findings);
        for (String name : new TreeSet<>(exits.keySet())) {
            if (!type.exits().contains(name)) {
                // The target of an exit no call can take is not checked: the name is the fault to fix.
                findings.add("exits." + name, aNode(type) + " has no exit " + quoted(name) + " ("
                        + (type.exits().isEmpty() ? "it has none" : "its exits are " + String.join(", ", type.exits())) + ")");
            }
        }
        if (!type.choiceExits().isEmpty() && type.choiceExits().stream().noneMatch(exits::containsKey)) {
            findings.add("exits", aNode(type) + " needs an exit for at least one of "
                    + String.join(", ", type.choiceExits()) + ", or the caller has nothing to choose");
        }
    }

    private static void checkTargets(Iterable<String> exitNames, NodeFindings findings) {
        for (String name : exitNames) {
            String target = findings.node.exits().get(name);
            if (!findings.ids.contains(target)) {
                findings.add("exits." + name, "exit " + quoted(name) + " leads to " + quoted(target)
                        + ", which is not a node of this flow");
            }
        }
    }

    /**
     * Follows every exit that leads to a node, also exits of unknown names and types: those are
     * reported already, and a node behind them is better not reported a second time.
     */
    private static Set<String> reachableFrom(String start, NodeIndex ids) {
        Set<String> reached = new HashSet<>(Set.of(start));
        Deque<String> next = new ArrayDeque<>(reached);
        while (!next.isEmpty()) {
            for (CallFlowNode node : ids.nodesWith(next.pop())) {
                for (String target : node.exits().values()) {
                    if (ids.contains(target) && reached.add(target)) {
                        next.push(target);
                    }
                }
            }
        }
        return reached;
    }

    /** "a queue node", "an announcement node". */
    private static String aNode(NodeType type) {
        return ("aeiou".indexOf(type.typeName().charAt(0)) >= 0 ? "an " : "a ") + type.typeName() + " node";
    }

    private static boolean isPresent(String text) {
        return text != null && !text.isBlank();
    }

    static String quoted(String text) {
        if (text == null) {
            return "nothing";
        }
        return "\"" + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text) + "\"";
    }

    /** The violations of one node, each sentence starting with how the admin finds that node. */
    private static final class NodeFindings {

        final CallFlowNode node;
        final int index;
        final NodeIndex ids;
        private final List<CallFlowViolation> found;

        NodeFindings(CallFlowNode node, int index, NodeIndex ids, List<CallFlowViolation> found) {
            this.node = node;
            this.index = index;
            this.ids = ids;
            this.found = found;
        }

        void add(String field, String text) {
            found.add(new CallFlowViolation(node.id(), field, label() + ": " + text));
        }

        /** By id where that finds it; by position (from 1) where the id is blank or shared. */
        private String label() {
            if (!isPresent(node.id())) {
                return "node #" + (index + 1);
            }
            return "node " + quoted(node.id()) + (ids.isShared(node.id()) ? " (#" + (index + 1) + ")" : "");
        }
    }

    /** Where each id occurs in the graph; blank ids are in no entry, as no exit can lead to them. */
    private record NodeIndex(List<CallFlowNode> nodes, Map<String, List<Integer>> positions) {

        static NodeIndex of(List<CallFlowNode> nodes) {
            Map<String, List<Integer>> positions = new HashMap<>();
            for (int index = 0; index < nodes.size(); index++) {
                String id = nodes.get(index).id();
                if (isPresent(id)) {
                    positions.computeIfAbsent(id, key -> new ArrayList<>()).add(index);
                }
            }
            return new NodeIndex(nodes, positions);
        }

        boolean contains(String id) {
            return positions.containsKey(id);
        }

        boolean isShared(String id) {
            return positions.get(id).size() > 1;
        }

        int firstPosition(String id) {
            return positions.get(id).get(0);
        }

        List<CallFlowNode> nodesWith(String id) {
            return positions.get(id).stream().map(nodes::get).toList();
        }
    }
}
