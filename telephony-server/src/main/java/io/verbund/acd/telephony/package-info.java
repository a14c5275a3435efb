/**
 * The telephony server's HTTP side (health now; call control for the portal later). SIP and RTP run beside it.
 */
package io.verbund.acd.telephony;
