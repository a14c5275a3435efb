/**
 * Recordings and voicemail on their way to storage-service: the sink that streams a growing WAV
 * file there while the call runs.
 */
package io.verbund.acd.telephony.recording;
