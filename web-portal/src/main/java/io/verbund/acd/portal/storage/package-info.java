/**
 * The portal's side of storage-service: tenants' files (prompts, recordings, voicemail) read and
 * written through the runtime's {@code StorageClient}, its refusals passed on to the API client
 * with the service's own words, and stored audio streamed to a player with byte ranges.
 */
package io.verbund.acd.portal.storage;
