package io.verbund.acd.agent;

import java.time.Instant;
import java.util.Optional;

/**
 * The agent status as a plain string in the shared cache: every WAR can read it whatever its class
 * loader (platform-facts: typed values in WEB-INF/lib break between deployments), and equal statuses
 * give equal strings, which the cache's conditional replace compares.
 * Layout: {@code v1|tenant/extension|STATE|since|readySince|reason|callId|noAnswers|blockedUntil}.
 */
public final class AgentStatusCodec {

    private static final String VERSION = "v1";

    private AgentStatusCodec() {
    }

    public static String encode(AgentStatus status) {
        status.reason().ifPresent(AgentStatusCodec::requireNoSeparator);
        status.callId().ifPresent(AgentStatusCodec::requireNoSeparator);
        return String.join("|", VERSION, status.agent().toString(), status.state().name(),
                Long.toString(status.since().toEpochMilli()), Long.toString(status.readySince().toEpochMilli()),
                status.reason().orElse(""), status.callId().orElse(""), Integer.toString(status.noAnswers()),
                Long.toString(status.blockedUntil().toEpochMilli()));
    }

    public static AgentStatus decode(String text) {
        String[] field = text.split("\\|", -1);
        if (field.length != 9 || !VERSION.equals(field[0])) {
            throw new IllegalArgumentException("not an encoded agent status: " + text);
        }
        return new AgentStatus(AgentKey.parse(field[1]), AgentState.valueOf(field[2]),
                Instant.ofEpochMilli(Long.parseLong(field[3])), Instant.ofEpochMilli(Long.parseLong(field[4])),
                optional(field[5]), optional(field[6]), Integer.parseInt(field[7]),
                Instant.ofEpochMilli(Long.parseLong(field[8])));
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
