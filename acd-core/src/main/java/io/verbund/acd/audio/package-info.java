/**
 * Telephone audio as bytes: the G.711 codecs ({@link io.verbund.acd.audio.AudioCodec},
 * {@link io.verbund.acd.audio.G711}) and the WAV files prompts and recordings are kept in
 * ({@link io.verbund.acd.audio.Wav}, {@link io.verbund.acd.audio.WavHeader}). Plain Java so the storage
 * service, the telephony server and tools share one reading of a recording.
 */
package io.verbund.acd.audio;
