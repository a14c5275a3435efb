/**
 * The call path of a telephony node: an inbound call from the trunk is answered with 180 at once,
 * walked through its call flow to a queue, and offered by the routing engine to a ready agent's
 * phone; the node is a B2BUA between the caller's leg and the agent's leg.
 */
package io.verbund.acd.telephony.call;
