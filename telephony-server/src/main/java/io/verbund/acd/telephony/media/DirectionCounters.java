package io.verbund.acd.telephony.media;

/**
 * What became of one direction's packets in a recording, for the call record and for finding a bad
 * network path: a recording is bit-exact exactly when every packet that was sent is {@code taken}.
 *
 * @param taken packets placed on the timeline
 * @param duplicates packets whose every sample was already there
 * @param late packets that arrived after their place was written out
 * @param oversized packets longer than a chunk, which no phone sends
 * @param resyncs times the stream's timestamps jumped away from the clock and were anchored anew
 */
public record DirectionCounters(long taken, long duplicates, long late, long oversized, long resyncs) {
}
