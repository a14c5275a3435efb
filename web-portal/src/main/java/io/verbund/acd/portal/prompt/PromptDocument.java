package io.verbund.acd.portal.prompt;

import java.time.Instant;

/**
 * A prompt as the API lists it.
 *
 * @param system   one every tenant has (not stored with the tenant; cannot be replaced or removed)
 * @param size     bytes of the stored µ-law WAV; null for system prompts
 * @param modified when it was last uploaded; null for system prompts
 * @param sha256   of the stored file; null for system prompts
 */
public record PromptDocument(String name, boolean system, Long size, Instant modified, String sha256) {
}
