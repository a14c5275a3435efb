/**
 * Agents as every service on WildFly sees them: the live status in the clustered {@code agents}
 * cache, changed only by compare-and-set ({@link io.verbund.acd.runtime.agent.InfinispanAgentStates}),
 * the configured agents and pause reasons of a tenant, the {@code agent_event} history each accepted
 * change adds to, and the log context naming the agent. The web-portal and the telephony-server use
 * the same classes, so both move an agent by the same rules.
 */
package io.verbund.acd.runtime.agent;
