package io.verbund.acd.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent status as a plain string in the shared cache: every WAR can read it whatever its class
 * loader (platform-facts: typed values in WEB-INF/lib break between deployments), and equal statuses
 * give equal strings, which the cache's conditional replace compares.
 * Layout: {@code v3|tenant/extension|STATE|since|readySince|reason|callId|node|noAnswers|blockedUntil|wrapUpEnds|extensionAllowedMillis|extendedMillis}.
 * A status without a wrap-up period is still written as version 2 (the same without the last three
 * fields), so a node of the previous build reads every status but a wrap-up during a rolling update.
 * Version 1 (no node) is still read too; its engaged agents name no node, and no lease releases
 * them: their call path ends them as it always did.
 */
public final class AgentStatusCodec {

    private AgentStatusCodec() {
    }

    public static String encode(AgentStatus status) {
        status.reason().ifPresent(AgentStatusCodec::requireNoSeparator);
        status.callId().ifPresent(AgentStatusCodec::requireNoSeparator);
        status.node().ifPresent(AgentStatusCodec::requireNoSeparator);
        WrapUpPeriod wrapUp = status.wrapUpPeriod();
        boolean v3 = !wrapUp.equals(WrapUpPeriod.NONE);
        String v2Fields = String.join("|", status.agent().toString(), status.state().name(),
                Long.toString(status.since().toEpochMilli()), Long.toString(status.readySince().toEpochMilli()),
                status.reason().orElse(""), status.callId().orElse(""), status.node().orElse(""),
                Integer.toString(status.noAnswers()), Long.toString(status.blockedUntil().toEpochMilli()));
        if (!v3) {
            return "v2|" + v2Fields;
        }
        return String.join("|", "v3", v2Fields, Long.toString(wrapUp.ends().toEpochMilli()),
                Long.toString(wrapUp.allowance().toMillis()), Long.toString(wrapUp.extended().toMillis()));
    }

    public static AgentStatus decode(String text) {
        String[] field = text.split("\\|", -1);
        boolean v3 = field.length == 13 && "v3".equals(field[0]);
        boolean v2 = field.length == 10 && "v2".equals(field[0]);
        boolean v1 = field.length == 9 && "v1".equals(field[0]);
        if (!v1 && !v2 && !v3) {
            throw new IllegalArgumentException("not an encoded agent status: " + text);
        }
        int counts = v1 ? 7 : 8;
        WrapUpPeriod wrapUp = v3 ? new WrapUpPeriod(Instant.ofEpochMilli(Long.parseLong(field[10])),
                Duration.ofMillis(Long.parseLong(field[11])), Duration.ofMillis(Long.parseLong(field[12]))) : WrapUpPeriod.NONE;
        return new AgentStatus(AgentKey.parse(field[1]), AgentState.valueOf(field[2]),
                Instant.ofEpochMilli(Long.parseLong(field[3])), Instant.ofEpochMilli(Long.parseLong(field[4])),
                optional(field[5]), optional(field[6]), v1 ? Optional.empty() : optional(field[7]),
                Integer.parseInt(field[counts]), Instant.ofEpochMilli(Long.parseLong(field[counts + 1])), wrapUp);
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
