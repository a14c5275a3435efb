/**
 * Prompt uploads made playable: WAV and raw G.711 in, G.711 µ-law 8 kHz mono WAV out
 * ({@link io.verbund.acd.storage.audio.PromptAudio}). To be merged with acd-core's audio package.
 */
package io.verbund.acd.storage.audio;
