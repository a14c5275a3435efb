/**
 * Supervisors in a running call: listening, whispering to the agent, barging in, through the
 * supervisor's own phone; and the tenant's setting whether callers hear a notice then.
 */
package io.verbund.acd.portal.supervision;
