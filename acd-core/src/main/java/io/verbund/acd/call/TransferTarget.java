package io.verbund.acd.call;

import java.util.Objects;

/**
 * Where a connected call is transferred to: another agent of the tenant (by extension), whose
 * registered phone rings, or an external number in E.164 form, called through the node's outbound
 * trunk.
 */
public record TransferTarget(Kind kind, String value) {

    public enum Kind { AGENT, NUMBER }

    public TransferTarget {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank() || value.contains("|")) {
            throw new IllegalArgumentException("a transfer target needs an extension or a number, not '" + value + "'");
        }
    }

    public static TransferTarget agent(String extension) {
        return new TransferTarget(Kind.AGENT, extension);
    }

    public static TransferTarget number(String number) {
        return new TransferTarget(Kind.NUMBER, number);
    }

    public boolean isAgent() {
        return kind == Kind.AGENT;
    }

    /** {@code agent:1002} or {@code number:+4940123456}: how commands and events name it. */
    @Override
    public String toString() {
        return (isAgent() ? "agent:" : "number:") + value;
    }

    /** The inverse of {@link #toString()}. */
    public static TransferTarget parse(String text) {
        if (text.startsWith("agent:")) {
            return agent(text.substring("agent:".length()));
        }
        if (text.startsWith("number:")) {
            return number(text.substring("number:".length()));
        }
        throw new IllegalArgumentException("no transfer target: " + text);
    }
}
