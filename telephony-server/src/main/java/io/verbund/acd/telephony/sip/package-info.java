/**
 * The SIP endpoint of a telephony node: the JAIN-SIP stack, started and stopped with the
 * deployment, and the listener that turns SIP into commands for the registrar and the call path.
 */
package io.verbund.acd.telephony.sip;
