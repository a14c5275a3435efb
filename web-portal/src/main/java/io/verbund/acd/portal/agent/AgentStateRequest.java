package io.verbund.acd.portal.agent;

/**
 * The body of {@code PUT /agents/{extension}/state}: {@code {"state":"READY"}},
 * {@code {"state":"PAUSED","reason":"BREAK"}} or {@code {"state":"LOGGED_OUT"}}. Plain strings, so
 * an unknown state name is answered with a 400 that names it rather than a binding error.
 *
 * @param state  LOGGED_OUT, READY or PAUSED
 * @param reason a pause reason code of the tenant; only with PAUSED, and required there
 */
public record AgentStateRequest(String state, String reason) {
}
