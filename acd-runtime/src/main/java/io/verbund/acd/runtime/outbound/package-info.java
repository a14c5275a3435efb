/**
 * Requests this installation makes to addresses a tenant chose (call-flow HTTP look-ups,
 * webhooks): every address a name resolves to is checked when the connection is made, so neither
 * a private address typed in nor a name that later resolves to one (DNS rebinding) reaches the
 * installation's own networks, unless the operator's allow-list opens it.
 */
package io.verbund.acd.runtime.outbound;
