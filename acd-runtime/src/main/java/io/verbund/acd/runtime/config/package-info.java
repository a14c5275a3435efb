/**
 * Telling every node that a tenant's configuration changed, so caches of it are dropped at once
 * rather than when they expire: an admin's change applies to the very next call.
 */
package io.verbund.acd.runtime.config;
