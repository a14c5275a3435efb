package io.verbund.acd.call;

import java.util.Objects;

/**
 * Where a connected call is transferred to: another agent of the tenant (by extension), whose
 * registered phone rings; an external number in E.164 form, called through the node's outbound
 * trunk; or an ACD group of the tenant (by name), whose queue the caller enters again with its
 * priority, to be served by whichever of the group's agents its routing strategy picks.
 */
public record TransferTarget(Kind kind, String value) {

    public enum Kind { AGENT, NUMBER, GROUP }

    public TransferTarget {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank() || value.contains("|")) {
            throw new IllegalArgumentException("a transfer target needs an extension, a number or a group, not '" + value + "'");
        }
    }

    public static TransferTarget agent(String extension) {
        return new TransferTarget(Kind.AGENT, extension);
    }

    public static TransferTarget number(String number) {
        return new TransferTarget(Kind.NUMBER, number);
    }

    public static TransferTarget group(String name) {
        return new TransferTarget(Kind.GROUP, name);
    }

    public boolean isAgent() {
        return kind == Kind.AGENT;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }

    /** {@code agent:1002}, {@code number:+4940123456} or {@code group:Support}: how commands and events name it. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }

    /** The inverse of {@link #toString()}. */
    public static TransferTarget parse(String text) {
        for (Kind kind : Kind.values()) {
            String prefix = kind.name().toLowerCase(java.util.Locale.ROOT) + ":";
            if (text.startsWith(prefix)) {
                return new TransferTarget(kind, text.substring(prefix.length()));
            }
        }
        throw new IllegalArgumentException("no transfer target: " + text);
    }
}
