/**
 * Dispositions through the API ({@code /dispositions}): the codes an agent gives a finished call,
 * for one ACD group or for all. Every user of the tenant reads them (the agent desktop offers them
 * in wrap-up); tenant admins change them.
 */
package io.verbund.acd.portal.disposition;
