/**
 * Prompts: the system prompts every tenant has and the tenant's own, uploaded to storage-service
 * (which converts them to G.711 µ-law), played back in the browser, and removed only when no
 * current call-flow version plays them.
 */
package io.verbund.acd.portal.prompt;
