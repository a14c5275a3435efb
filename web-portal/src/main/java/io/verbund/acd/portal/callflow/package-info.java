/**
 * Call flows through the API: every change is a new immutable version, checked against the node
 * catalogue and the tenant's groups, opening hours and prompts before it is published.
 */
package io.verbund.acd.portal.callflow;
