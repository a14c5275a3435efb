/**
 * Deletion on request: a caller's recordings, voicemails and number removed from a tenant's
 * records, statistics' counts kept ({@link io.verbund.acd.portal.privacy.CallerErasures}).
 */
package io.verbund.acd.portal.privacy;
