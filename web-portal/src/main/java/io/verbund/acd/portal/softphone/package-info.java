/**
 * The browser softphone's settings, shared by the agent desktop's and the supervisor view's: the
 * softphone edge's addresses and the phone's digest account, to the account's own user only.
 */
package io.verbund.acd.portal.softphone;
