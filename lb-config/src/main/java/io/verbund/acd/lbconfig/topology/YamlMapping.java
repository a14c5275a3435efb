package io.verbund.acd.lbconfig.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML mapping of the topology with its place in the file: typed, range-checked reads that fail
 * with {@link InvalidTopology} naming file, line, column and the field's path. Keys are checked up
 * front, so a misspelt key is reported as unknown rather than as a missing one.
 */
final class YamlMapping {

    private final String file;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries;

    private YamlMapping(String file, String path, Node node, Map<String, NodeTuple> entries) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.entries = entries;
    }

    /** The mapping at {@code node}; fails if it is a list or a scalar, or repeats a key. */
    static YamlMapping of(String file, String path, Node node) throws InvalidTopology {
        if (!(node instanceof MappingNode mapping)) {
            throw problem(file, node, path, "must be a mapping (key: value), was " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw problem(file, tuple.getKeyNode(), path, "keys must be plain names");
            }
            if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                throw problem(file, key, join(path, key.getValue()), "duplicate key");
            }
        }
        return new YamlMapping(file, path, node, entries);
    }

    String path() {
        return path;
    }

    Node node() {
        return node;
    }

    /** Fails on the first key not in {@code allowed}, pointing at that key. */
    YamlMapping allowOnly(Set<String> allowed, String whyOthersAreWrong) throws InvalidTopology {
        for (NodeTuple tuple : entries.values()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                throw problem(file, tuple.getKeyNode(), join(path, key), "unknown key"
                        + (whyOthersAreWrong.isEmpty() ? "" : " (" + whyOthersAreWrong + ")")
                        + "; expected one of: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Node required(String key) throws InvalidTopology {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            throw problem(node, join(path, key), "missing (required)");
        }
        return tuple.getValueNode();
    }

    Optional<Node> optional(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    String field(String key) {
        return join(path, key);
    }

    String text(String key) throws InvalidTopology {
        return text(key, required(key));
    }

    /** A non-empty scalar matching {@code pattern}; {@code expectation} says in words what fits. */
    String text(String key, Pattern pattern, String expectation) throws InvalidTopology {
        Node value = required(key);
        String text = text(key, value);
        if (!pattern.matcher(text).matches()) {
            throw problem(value, join(path, key), "must be " + expectation + ", was '" + text + "'");
        }
        return text;
    }

    Optional<String> optionalText(String key, Pattern pattern, String expectation) throws InvalidTopology {
        return has(key) ? Optional.of(text(key, pattern, expectation)) : Optional.empty();
    }

    long number(String key, long min, long max) throws InvalidTopology {
        return number(join(path, key), required(key), min, max);
    }

    int integer(String key, int min, int max) throws InvalidTopology {
        return (int) number(key, min, max);
    }

    int integer(String key, int min, int max, int byDefault) throws InvalidTopology {
        return has(key) ? integer(key, min, max) : byDefault;
    }

    YamlMapping mapping(String key) throws InvalidTopology {
        return of(file, join(path, key), required(key));
    }

    /** A non-empty list; each element is addressed as {@code key[i]}. */
    List<Node> list(String key) throws InvalidTopology {
        Node value = required(key);
        if (!(value instanceof SequenceNode sequence)) {
            throw problem(value, join(path, key), "must be a list, was " + describe(value));
        }
        if (sequence.getValue().isEmpty()) {
            throw problem(value, join(path, key), "must not be empty");
        }
        return new ArrayList<>(sequence.getValue());
    }

    InvalidTopology problem(Node at, String field, String message) {
        return problem(file, at, field, message);
    }

    String file() {
        return file;
    }

    static long number(String file, String field, Node value, long min, long max) throws InvalidTopology {
        if (!(value instanceof ScalarNode scalar) || !Tag.INT.equals(scalar.getTag())) {
            throw problem(file, value, field, "must be a whole number, was " + describe(value));
        }
        long number;
        try {
            number = Long.parseLong(scalar.getValue());
        } catch (NumberFormatException e) {
            throw problem(file, value, field, "must be " + min + "-" + max + ", was " + scalar.getValue());
        }
        if (number < min || number > max) {
            throw problem(file, value, field, "must be " + min + "-" + max + ", was " + number);
        }
        return number;
    }

    private long number(String field, Node value, long min, long max) throws InvalidTopology {
        return number(file, field, value, min, max);
    }

    private String text(String key, Node value) throws InvalidTopology {
        return scalarText(file, join(path, key), value);
    }

    static String scalarText(String file, String field, Node value) throws InvalidTopology {
        if (!(value instanceof ScalarNode scalar) || Tag.NULL.equals(scalar.getTag())) {
            throw problem(file, value, field, "must be a text value, was " + describe(value));
        }
        String text = scalar.getValue().strip();
        if (text.isEmpty()) {
            throw problem(file, value, field, "must not be empty");
        }
        return text;
    }

    static InvalidTopology problem(String file, Node at, String field, String message) {
        Optional<Mark> mark = at.getStartMark();
        int line = mark.map(m -> m.getLine() + 1).orElse(1);
        int column = mark.map(m -> m.getColumn() + 1).orElse(1);
        return new InvalidTopology(file, line, column, field, message);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar) {
            if (Tag.NULL.equals(scalar.getTag())) {
                return "empty";
            }
            return "'" + scalar.getValue() + "'";
        }
        return node.getNodeType().toString();
    }
}
