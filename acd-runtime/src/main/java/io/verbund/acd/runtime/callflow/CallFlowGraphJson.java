package io.verbund.acd.runtime.callflow;

import io.verbund.acd.callflow.CallFlowGraph;
import io.verbund.acd.callflow.CallFlowNode;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A call-flow graph as JSON: {@code {"start": id, "nodes": [{"id", "type", "parameters": {name:
 * value}, "exits": {exit: node id}}]}}.
 *
 * <p>Reading refuses only what a {@link CallFlowGraph} cannot hold (a number where an id belongs,
 * a list where parameters belong). Anything a graph can hold but a flow may not have, such as a
 * missing start, no nodes or an unknown type, is read as it is, so the check can tell the admin in
 * the domain's words. A missing {@code nodes}, {@code parameters} or {@code exits} reads as empty;
 * a {@code null} exit as one with nothing connected and a {@code null} parameter as one left out.
 * Parameter values may be numbers or booleans, as older graphs have them ({@code "maxSeconds":
 * 120}); they are read as their JSON text. Other members are ignored, so an editor may keep its own
 * (a layout, say) in the same document.
 */
public final class CallFlowGraphJson {

    private CallFlowGraphJson() {
    }

    /** @throws MalformedCallFlowGraph naming the first place where the text is not a graph */
    public static CallFlowGraph read(String json) {
        JsonValue root = parse(json);
        if (root.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedCallFlowGraph("a call-flow graph must be a JSON object, not " + describe(root));
        }
        JsonObject graph = root.asJsonObject();
        String start = optionalString(graph, "start", "start");
        JsonValue nodes = graph.getOrDefault("nodes", JsonValue.NULL);
        if (nodes.getValueType() == JsonValue.ValueType.NULL) {
            return new CallFlowGraph(start, List.of());
        }
        if (nodes.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedCallFlowGraph("nodes must be an array of objects, not " + describe(nodes));
        }
        List<CallFlowNode> read = new ArrayList<>();
        List<JsonValue> array = nodes.asJsonArray();
        for (int index = 0; index < array.size(); index++) {
            read.add(node(array.get(index), "nodes[" + index + "]"));
        }
        return new CallFlowGraph(start, read);
    }

    /**
     * The graph as compact JSON that {@link #read} gives back equal. Parameters and exits are
     * written sorted by name: the graph does not keep their order, and the same graph should always
     * be the same text. Every parameter value is written as a string.
     */
    public static String write(CallFlowGraph graph) {
        JsonObjectBuilder root = Json.createObjectBuilder();
        if (graph.start() != null) {
            root.add("start", graph.start());
        }
        JsonArrayBuilder nodes = Json.createArrayBuilder();
        for (CallFlowNode node : graph.nodes()) {
            JsonObjectBuilder written = Json.createObjectBuilder();
            if (node.id() != null) {
                written.add("id", node.id());
            }
            if (node.type() != null) {
                written.add("type", node.type());
            }
            nodes.add(written.add("parameters", strings(node.parameters())).add("exits", strings(node.exits())));
        }
        return root.add("nodes", nodes).build().toString();
    }

    /** One JSON value and nothing after it: a reader would silently drop text pasted behind the graph. */
    private static JsonValue parse(String json) {
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            if (!parser.hasNext()) {
                throw new MalformedCallFlowGraph("a call-flow graph must be JSON, but the text is empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new MalformedCallFlowGraph("a call-flow graph must be one JSON object, but more follows it");
            }
            return value;
        } catch (JsonException e) {
            throw new MalformedCallFlowGraph("a call-flow graph must be JSON: " + e.getMessage(), e);
        }
    }

    private static CallFlowNode node(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedCallFlowGraph(path + " must be an object, not " + describe(value));
        }
        JsonObject node = value.asJsonObject();
        return new CallFlowNode(optionalString(node, "id", path + ".id"), optionalString(node, "type", path + ".type"),
                parameters(node.getOrDefault("parameters", JsonValue.NULL), path + ".parameters"),
                exits(node.getOrDefault("exits", JsonValue.NULL), path + ".exits"));
    }

    private static Map<String, String> parameters(JsonValue value, String path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : members(value, path, "an object of strings, numbers and booleans").entrySet()) {
            JsonValue parameter = entry.getValue();
            switch (parameter.getValueType()) {
                case STRING -> parameters.put(entry.getKey(), ((JsonString) parameter).getString());
                case NUMBER, TRUE, FALSE -> parameters.put(entry.getKey(), parameter.toString());
                case NULL -> {
                    // left out: an optional parameter takes its default, a required one is reported by the check
                }
                default -> throw new MalformedCallFlowGraph(path + "." + entry.getKey()
                        + " must be a string, a number or a boolean, not " + describe(parameter));
            }
        }
        return parameters;
    }

    private static Map<String, String> exits(JsonValue value, String path) {
        Map<String, String> exits = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : members(value, path, "an object of strings").entrySet()) {
            JsonValue target = entry.getValue();
            if (target.getValueType() == JsonValue.ValueType.STRING) {
                exits.put(entry.getKey(), ((JsonString) target).getString());
            } else if (target.getValueType() != JsonValue.ValueType.NULL) {
                throw new MalformedCallFlowGraph(path + " must be an object of strings (node ids), but \""
                        + entry.getKey() + "\" is " + describe(target));
            }
        }
        return exits;
    }

    private static Map<String, JsonValue> members(JsonValue value, String path, String expected) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Map.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedCallFlowGraph(path + " must be " + expected + ", not " + describe(value));
        }
        return value.asJsonObject();
    }

    private static String optionalString(JsonObject object, String member, String path) {
        JsonValue value = object.getOrDefault(member, JsonValue.NULL);
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            default -> throw new MalformedCallFlowGraph(path + " must be a string, not " + describe(value));
        };
    }

    private static JsonObjectBuilder strings(Map<String, String> map) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        new TreeMap<>(map).forEach(object::add);
        return object;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number (" + value + ")";
            case TRUE, FALSE -> value.toString();
            case NULL -> "null";
        };
    }
}
