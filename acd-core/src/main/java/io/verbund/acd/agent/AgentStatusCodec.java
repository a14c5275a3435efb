package io.verbund.acd.agent;

import java.time.Instant;
import java.util.Optional;

/**
 * The agent status as a plain string in the shared cache: every WAR can read it whatever its class
 * loader (platform-facts: typed values in WEB-INF/lib break between deployments), and equal statuses
 * give equal strings, which the cache's conditional replace compares.
 * Layout: {@code v2|tenant/extension|STATE|since|readySince|reason|callId|node|noAnswers|blockedUntil}.
 * Version 1 (no node) is still read, so a node of the previous build can run beside this one during
 * a rolling update; its engaged agents then name no node, and no lease releases them: their call
 * path ends them as it always did.
 */
public final class AgentStatusCodec {

    private static final String VERSION = "v2";

    private AgentStatusCodec() {
    }

    public static String encode(AgentStatus status) {
        status.reason().ifPresent(AgentStatusCodec::requireNoSeparator);
        status.callId().ifPresent(AgentStatusCodec::requireNoSeparator);
        status.node().ifPresent(AgentStatusCodec::requireNoSeparator);
        return String.join("|", VERSION, status.agent().toString(), status.state().name(),
                Long.toString(status.since().toEpochMilli()), Long.toString(status.readySince().toEpochMilli()),
                status.reason().orElse(""), status.callId().orElse(""), status.node().orElse(""),
                Integer.toString(status.noAnswers()), Long.toString(status.blockedUntil().toEpochMilli()));
    }

    public static AgentStatus decode(String text) {
        String[] field = text.split("\\|", -1);
        boolean v2 = field.length == 10 && VERSION.equals(field[0]);
        boolean v1 = field.length == 9 && "v1".equals(field[0]);
        if (!v1 && !v2) {
            throw new IllegalArgumentException("not an encoded agent status: " + text);
        }
        int counts = v2 ? 8 : 7;
        return new AgentStatus(AgentKey.parse(field[1]), AgentState.valueOf(field[2]),
                Instant.ofEpochMilli(Long.parseLong(field[3])), Instant.ofEpochMilli(Long.parseLong(field[4])),
                optional(field[5]), optional(field[6]), v2 ? optional(field[7]) : Optional.empty(),
                Integer.parseInt(field[counts]), Instant.ofEpochMilli(Long.parseLong(field[counts + 1])));
    }

    private static void requireNoSeparator(String value) {
        if (value.indexOf('|') >= 0) {
            throw new IllegalArgumentException("'|' cannot be stored in an agent status: " + value);
        }
    }

    private static Optional<String> optional(String field) {
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }
}
