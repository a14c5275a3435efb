/**
 * The registrar for agent phones: digest authentication against the agent's SIP account, and
 * bindings with expiry in the shared cache, so every telephony node can reach every agent.
 */
package io.verbund.acd.telephony.registrar;
