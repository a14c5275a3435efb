/**
 * Agents over the REST API, all under {@code /agents} ({@link io.verbund.acd.portal.agent.AgentResource}):
 * <ul>
 * <li>their live state: {@code GET /agents/states}, {@code GET} and {@code PUT
 * /agents/{extension}/state}. Owns who may read or move which agent ({@link
 * io.verbund.acd.portal.agent.AgentAccess}); the live state and its compare-and-set rules are
 * {@code io.verbund.acd.runtime.agent}'s, shared with the telephony-server;</li>
 * <li>their configuration: extension, name, SIP credentials (the password write-only, stored as its
 * digest), linked portal user and skills ({@link io.verbund.acd.portal.agent.Agents}).</li>
 * </ul>
 */
package io.verbund.acd.portal.agent;
