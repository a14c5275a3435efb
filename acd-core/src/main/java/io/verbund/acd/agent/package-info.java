/**
 * Agents: the people who take calls, their extensions, skills and the credentials their SIP phones
 * register with.
 */
package io.verbund.acd.agent;
