package io.verbund.acd.telephony.media;

/**
 * What one leg sent and received, for the log line at its close and for health figures.
 *
 * @param lost              packets never received (gaps the reorder window gave up on)
 * @param late              packets that arrived after their gap had been given up
 * @param duplicates        packets received twice
 * @param malformed         datagrams that were not RTP (or RTCP) at all
 * @param unexpected        RTP packets of a payload type not negotiated (comfort noise, video, …)
 * @param foreign           RTP and RTCP packets from a source other than the leg's peer, dropped (see {@link PeerLatch})
 * @param jitterMillis      the interarrival jitter estimate of RFC 3550 §6.4.1
 * @param sendFailures      packets the socket did not take (buffer full, unreachable)
 * @param authenticationFailures SRTP/SRTCP packets dropped because their authentication tag was wrong (forged, or keys that do not match)
 * @param replayed          SRTP/SRTCP packets dropped as replays (seen before, or older than the 64-packet window)
 */
public record LegStats(String label, int localPort, long packetsSent, long octetsSent, long packetsReceived,
                       long lost, long late, long duplicates, long malformed, long unexpected, long foreign, long ssrcChanges,
                       double jitterMillis, long senderReports, long receiverReports, long digits, long sendFailures,
                       long authenticationFailures, long replayed) {
}
