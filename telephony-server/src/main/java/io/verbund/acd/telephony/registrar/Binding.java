package io.verbund.acd.telephony.registrar;

import io.verbund.acd.agent.AgentKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Where an agent's phone can be reached, until when, and through which proxies (RFC 3327 Path, in
 * order, outermost first: a browser phone on a WebSocket is reached only through the edge proxy
 * holding its connection). Stored as a plain string in the shared cache.
 */
public record Binding(AgentKey agent, String contact, List<String> path, Instant expires) {

    public Binding {
        path = List.copyOf(path);
    }

    /** A phone reached directly at its contact. */
    public Binding(AgentKey agent, String contact, Instant expires) {
        this(agent, contact, List.of(), expires);
    }

    public boolean isActive(Instant now) {
        return now.isBefore(expires);
    }

    /**
     * v1 for a direct phone, so a node of the previous release still reads it during an upgrade; v2
     * adds the path, its URIs separated by tabs (never part of a URI).
     */
    String encode() {
        String v1 = String.join("|", "v1", agent.toString(), contact, Long.toString(expires.toEpochMilli()));
        return path.isEmpty() ? v1 : "v2" + v1.substring(2) + "|" + String.join("\t", path);
    }

    static Binding decode(String text) {
        String[] field = text.split("\\|", -1);
        if (field.length == 4 && "v1".equals(field[0])) {
            return new Binding(AgentKey.parse(field[1]), field[2], Instant.ofEpochMilli(Long.parseLong(field[3])));
        }
        if (field.length == 5 && "v2".equals(field[0]) && !field[4].isEmpty()) {
            return new Binding(AgentKey.parse(field[1]), field[2], Arrays.asList(field[4].split("\t")),
                    Instant.ofEpochMilli(Long.parseLong(field[3])));
        }
        throw new IllegalArgumentException("not an encoded binding: " + text);
    }
}
