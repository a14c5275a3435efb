package io.verbund.acd.portal.agent;

import io.verbund.acd.agent.AgentState;
import io.verbund.acd.agent.AgentStatus;
import io.verbund.acd.agent.WrapUpPeriod;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One agent's live state as the API shows it:
 * {@code {"tenant":"demo","extension":"1001","state":"READY","since":"2026-11-25T08:00:00.123Z","reason":null,"callId":null,"wrapUp":null}}.
 * Every member is always present, null when it does not apply.
 *
 * @param since  when the agent entered the state (UTC, ISO-8601); for an agent nobody has moved
 *               since the cluster started, the time of the answer
 * @param reason the pause reason code while PAUSED
 * @param callId the call the agent is reserved for, ringing with, talking on or wrapping up
 * @param wrapUp while in WRAP_UP: when it ends and how much longer the agent may still extend it
 */
@JsonbNillable
@JsonbPropertyOrder({"tenant", "extension", "state", "since", "reason", "callId", "wrapUp"})
public record AgentStateDocument(String tenant, String extension, String state, Instant since, String reason,
                                 String callId, WrapUp wrapUp) {

    /**
     * {@code {"endsAt":"2026-11-25T08:01:00Z","extensionAllowedSeconds":60,"extensionLeftSeconds":30}}.
     *
     * @param endsAt                  when the wrap-up time is over (a forced disposition may still hold the agent)
     * @param extensionAllowedSeconds how much the group lets the agent extend it in total; 0: not at all
     * @param extensionLeftSeconds    how much of that is left
     */
    @JsonbPropertyOrder({"endsAt", "extensionAllowedSeconds", "extensionLeftSeconds"})
    public record WrapUp(Instant endsAt, long extensionAllowedSeconds, long extensionLeftSeconds) {

        static WrapUp of(WrapUpPeriod period) {
            return new WrapUp(period.ends(), period.allowance().toSeconds(), period.extensionLeft().toSeconds());
        }
    }

    public static AgentStateDocument of(AgentStatus status) {
        // A wrap-up written by a node of the previous build carries no period: nothing to show or extend.
        boolean wrappingUp = status.state() == AgentState.WRAP_UP && !status.wrapUpPeriod().equals(WrapUpPeriod.NONE);
        return new AgentStateDocument(status.agent().tenant().value(), status.agent().extension(), status.state().name(),
                status.since(), status.reason().orElse(null), status.callId().orElse(null),
                wrappingUp ? WrapUp.of(status.wrapUpPeriod()) : null);
    }
}
