/**
 * Node-local views of the shared Infinispan caches for the hot read paths (agent states,
 * registrations, queue entries), kept current by the caches' own events.
 */
package io.verbund.acd.runtime.cache;
