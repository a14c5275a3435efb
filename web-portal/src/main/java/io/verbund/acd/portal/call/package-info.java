/**
 * Calls through the API: the active ones, one call with its routing decision record (every step
 * the call path logged as a call event), and the disposition an agent gives a call in wrap-up.
 */
package io.verbund.acd.portal.call;
