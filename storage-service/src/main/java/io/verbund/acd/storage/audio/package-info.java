/**
 * Prompt uploads made playable: WAV and raw G.711 in, G.711 µ-law 8 kHz mono WAV out
 * ({@link io.verbund.acd.storage.audio.PromptAudio}), read and written with acd-core's
 * {@link io.verbund.acd.audio.Wav} and {@link io.verbund.acd.audio.WavHeader}; what stays here is the
 * upload's rules (mono, a length limit) and the resampling to 8 kHz.
 */
package io.verbund.acd.storage.audio;
