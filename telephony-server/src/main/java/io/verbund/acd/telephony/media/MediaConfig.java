package io.verbund.acd.telephony.media;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The media engine's settings; every default is set and explained in {@link #defaults}.
 *
 * @param bindAddress       where the RTP sockets listen
 * @param advertisedAddress the address written in our SDP (the bind address, unless that is a wildcard or behind NAT)
 * @param lowestPort        the first RTP port (even)
 * @param highestPort       the last port of the range
 * @param dtmfEndTimeout    how long an RFC 4733 event may go without packets before it counts as ended
 * @param reorderDepth      how many packets the reorder window holds ahead of a gap
 * @param reorderWait       how long a gap is waited for before it counts as lost
 * @param rtcpInterval      how often each leg sends an RTCP report; zero for never
 * @param latchWindow       how long after the peer may start sending another source than its SDP address may win the leg (NAT)
 * @param latchPackets      how many packets in a row (one SSRC, consecutive sequence numbers) such a source must send first
 */
public record MediaConfig(InetAddress bindAddress, InetAddress advertisedAddress, int lowestPort, int highestPort,
                          Duration dtmfEndTimeout, int reorderDepth, Duration reorderWait, Duration rtcpInterval,
                          Duration latchWindow, int latchPackets) {

    public MediaConfig {
        Objects.requireNonNull(bindAddress);
        Objects.requireNonNull(advertisedAddress);
        Objects.requireNonNull(dtmfEndTimeout);
        Objects.requireNonNull(reorderWait);
        Objects.requireNonNull(rtcpInterval);
        Objects.requireNonNull(latchWindow);
    }

    /**
     * The defaults, on one address that both binds and is advertised:
     * <ul>
     * <li>ports 20000–29999: 5000 pairs, five times the 1000 concurrent callers a node is sized for;</li>
     * <li>DTMF end timeout 300 ms: senders repeat an event at least every 50 ms (RFC 4733 §2.5.1.2),
     *     so six missing updates mean the end packets were lost;</li>
     * <li>reorder window 5 packets / 60 ms: deeper than the reordering seen on real networks, short
     *     enough that a recording or a digit is never more than 60 ms behind;</li>
     * <li>RTCP every 5 s, RFC 3550's minimum interval;</li>
     * <li>latch window 2 s and 3 packets: a phone starts sending within milliseconds of the 200 (its
     *     first 60 ms are given to proving itself), while an attacker gets no more than those 2 s at
     *     the start of a call to race the peer.</li>
     * </ul>
     */
    public static MediaConfig defaults(InetAddress address) {
        return new MediaConfig(address, address, 20000, 29999, Duration.ofMillis(300), 5, Duration.ofMillis(60),
                Duration.ofSeconds(5), Duration.ofSeconds(2), 3);
    }

    public MediaConfig withPorts(int lowest, int highest) {
        return new MediaConfig(bindAddress, advertisedAddress, lowest, highest, dtmfEndTimeout, reorderDepth, reorderWait, rtcpInterval, latchWindow, latchPackets);
    }

    public MediaConfig withAdvertisedAddress(InetAddress address) {
        return new MediaConfig(bindAddress, address, lowestPort, highestPort, dtmfEndTimeout, reorderDepth, reorderWait, rtcpInterval, latchWindow, latchPackets);
    }

    public MediaConfig withDtmfEndTimeout(Duration timeout) {
        return new MediaConfig(bindAddress, advertisedAddress, lowestPort, highestPort, timeout, reorderDepth, reorderWait, rtcpInterval, latchWindow, latchPackets);
    }

    public MediaConfig withReorderWindow(int depth, Duration wait) {
        return new MediaConfig(bindAddress, advertisedAddress, lowestPort, highestPort, dtmfEndTimeout, depth, wait, rtcpInterval, latchWindow, latchPackets);
    }

    public MediaConfig withRtcpInterval(Duration interval) {
        return new MediaConfig(bindAddress, advertisedAddress, lowestPort, highestPort, dtmfEndTimeout, reorderDepth, reorderWait, interval, latchWindow, latchPackets);
    }

    public MediaConfig withLatch(Duration window, int packets) {
        return new MediaConfig(bindAddress, advertisedAddress, lowestPort, highestPort, dtmfEndTimeout, reorderDepth, reorderWait, rtcpInterval, window, packets);
    }
}
