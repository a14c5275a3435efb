package io.verbund.acd.telephony.registrar;

import io.verbund.acd.agent.AgentKey;
import java.time.Instant;

/** Where an agent's phone can be reached, until when. Stored as a plain string in the shared cache. */
public record Binding(AgentKey agent, String contact, Instant expires) {

    public boolean isActive(Instant now) {
        return now.isBefore(expires);
    }

    String encode() {
        return String.join("|", "v1", agent.toString(), contact, Long.toString(expires.toEpochMilli()));
    }

    static Binding decode(String text) {
        String[] field = text.split("\\|", -1);
        if (field.length != 4 || !"v1".equals(field[0])) {
            throw new IllegalArgumentException("not an encoded binding: " + text);
        }
        return new Binding(AgentKey.parse(field[1]), field[2], Instant.ofEpochMilli(Long.parseLong(field[3])));
    }
}
