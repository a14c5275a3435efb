package io.verbund.acd.runtime.callcontrol;

import io.verbund.acd.agent.AgentKey;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound call asked for through the API: the agent's phone is rung, then {@code number} is
 * dialled. The call id is chosen by the portal, so the API can answer with it before any node
 * takes the call on.
 *
 * @param group the group the call is accounted to (its recording and wrap-up); empty for none
 * @param by    "agent:" and the extension when the agent asked for itself, else "api:" and the login
 */
public record OutboundCallAsked(String callId, AgentKey agent, String number, Optional<Long> group, String by) {

    public OutboundCallAsked {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(by, "by");
        if (callId.contains("|") || number.contains("|")) {
            throw new IllegalArgumentException("no | in a call id or number");
        }
    }

    /** As the command cache stores it. */
    String encode() {
        return String.join("|", agent.toString(), number, group.map(String::valueOf).orElse(""), by);
    }

    /** @throws IllegalArgumentException when the text is no encoded outbound call */
    static OutboundCallAsked decode(String callId, String text) {
        String[] field = text.split("\\|", 4);
        if (field.length != 4) {
            throw new IllegalArgumentException("not an outbound call command: " + text);
        }
        Optional<Long> group;
        try {
            group = field[2].isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(field[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a group id: " + field[2], e);
        }
        return new OutboundCallAsked(callId, AgentKey.parse(field[0]), field[1], group, field[3]);
    }
}
