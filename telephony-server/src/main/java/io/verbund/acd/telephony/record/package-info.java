/** Call records and call events, written to the master in batches off the SIP threads. */
package io.verbund.acd.telephony.record;
