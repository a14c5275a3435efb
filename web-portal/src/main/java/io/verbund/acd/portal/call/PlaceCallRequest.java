package io.verbund.acd.portal.call;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /calls}: an outbound call to {@code number} (E.164) for an agent of the
 * tenant. An agent calls as itself and may leave {@code agentId} out; supervisors, admins and API
 * tokens name the agent by its extension in {@code agentId}. {@code group} (a group the agent is a
 * member of, by name) is the group the call is accounted to (its recording and wrap-up); without
 * it, the agent's oldest group (the lowest id), or none for an agent in no group.
 */
public record PlaceCallRequest(
        @NotNull @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be a number in E.164 form, such as +4940123456") String number,
        @Size(min = 1, max = 32) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "must be an agent's extension") String agentId,
        @Size(min = 1, max = 100) String group) {
}
