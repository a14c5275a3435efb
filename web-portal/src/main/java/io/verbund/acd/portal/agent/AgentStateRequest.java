package io.verbund.acd.portal.agent;

/**
 * The body of {@code PUT /agents/{extension}/state}: {@code {"state":"READY"}},
 * {@code {"state":"PAUSED","reason":"BREAK"}} or {@code {"state":"LOGGED_OUT"}}. Plain strings, so
 * an unknown state name is answered with a 400 that names it rather than a binding error.
 *
 * With {@code "force": true} a supervisor of the agent's groups or an admin sets the state whatever
 * the agent is doing, also while it is reserved, ringing or on a call (the offer is withdrawn and
 * the caller goes back to its place, or the call ends); such changes are audited.
 *
 * @param state  LOGGED_OUT, READY or PAUSED
 * @param reason a pause reason code of the tenant; only with PAUSED, and required there
 * @param force  set the state whatever the agent is doing; supervisors and admins only
 */
public record AgentStateRequest(String state, String reason, Boolean force) {
}
