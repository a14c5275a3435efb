package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentStatus;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One agent's live state as the API shows it:
 * {@code {"tenant":"demo","extension":"1001","state":"READY","since":"2026-11-25T08:00:00.123Z","reason":null,"callId":null}}.
 * Every member is always present, null when it does not apply.
 *
 * @param since  when the agent entered the state (UTC, ISO-8601); for an agent nobody has moved
 *               since the cluster started, the time of the answer
 * @param reason the pause reason code while PAUSED
 * @param callId the call the agent is reserved for, ringing with, talking on or wrapping up
 */
@JsonbNillable
@JsonbPropertyOrder({"tenant", "extension", "state", "since", "reason", "callId"})
public record AgentStateDocument(String tenant, String extension, String state, Instant since, String reason,
                                 String callId) {

    public static AgentStateDocument of(AgentStatus status) {
        return new AgentStateDocument(status.agent().tenant().value(), status.agent().extension(), status.state().name(),
                status.since(), status.reason().orElse(null), status.callId().orElse(null));
    }
}
