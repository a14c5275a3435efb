/**
 * The SIP distributor in front of the telephony nodes: a stateful Kamailio dispatcher that counts a
 * node as having taken a call only on 180 Ringing or a final answer, and fails over to the next node.
 */
package io.verbund.acd.lbconfig.kamailio;
