/**
 * What every resource of the portal's API shares: the tenant a request addresses and who may read
 * or change its configuration, pages of lists, body validation, and optimistic locking by version.
 */
package io.verbund.acd.portal.api;
