/**
 * Agent state over the REST API: {@code GET /agents/states}, {@code GET} and {@code PUT
 * /agents/{extension}/state}. Owns who may read or move which agent ({@link
 * io.verbund.acd.portal.agent.AgentAccess}); the live state and its compare-and-set rules are
 * {@code io.verbund.acd.runtime.agent}'s, shared with the telephony-server.
 */
package io.verbund.acd.portal.agent;
