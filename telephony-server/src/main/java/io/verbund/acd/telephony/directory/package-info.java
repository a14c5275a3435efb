/**
 * What the telephony node reads from the configuration: service numbers and their call flows,
 * ACD groups with members and skills, agent phone accounts, opening hours. Read from the master
 * (configuration reads belong there), cached briefly so a burst of calls costs few queries.
 */
package io.verbund.acd.telephony.directory;
