package io.verbund.acd.lbconfig;

import io.verbund.acd.lbconfig.topology.InvalidTopology;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example topology of the README (src/test/resources/.../local.yaml) and variants of it for tests. */
public final class LocalTopology {

    private LocalTopology() {
    }

    public static String yaml() {
        try (InputStream in = LocalTopology.class.getResourceAsStream("local.yaml")) {
            if (in == null) {
                throw new IllegalStateException("local.yaml missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** local.yaml with the first occurrence of {@code from} replaced; fails if it is not there. */
    public static String with(String from, String to) {
        String yaml = yaml();
        if (!yaml.contains(from)) {
            throw new IllegalArgumentException("local.yaml does not contain " + from);
        }
        return yaml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    public static Topology parse(String yaml) {
        try {
            return new TopologyReader().read(yaml, "topology.yaml");
        } catch (InvalidTopology e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static Topology local() {
        return parse(yaml());
    }

    /** The 1-based "line:column" where {@code text} first starts in {@code yaml}. */
    public static String positionOf(String yaml, String text) {
        int index = yaml.indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException(text + " not in the YAML");
        }
        String before = yaml.substring(0, index);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = index - before.lastIndexOf('\n');
        return line + ":" + column;
    }
}
