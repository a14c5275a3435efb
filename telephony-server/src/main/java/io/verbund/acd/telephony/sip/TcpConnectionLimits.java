package io.verbund.acd.telephony.sip;

import java.time.Duration;

/**
 * What SIP over TCP may hold of a node: connections in all, connections from one source address,
 * and how long a connection may stay silent. Set in {@link SipEndpoint} from
 * {@code verbund.telephony.tcp.max-connections} (default 1000: a node's 1000 callers and agents
 * would never all use TCP at once), {@code verbund.telephony.tcp.max-connections-per-source} (default
 * 50: a phone needs one, a proxy or trunk a handful; Kamailio in a cluster may be one source for
 * many) and {@code verbund.telephony.tcp.idle-timeout-seconds} (default 120: longer than the 30–90 s
 * a phone keeps a connection alive with CRLF pings, RFC 5626).
 */
public record TcpConnectionLimits(int total, int perSource, Duration idleTimeout) {

    public TcpConnectionLimits {
        if (total < 1 || perSource < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("SIP TCP limits must be positive: " + total + ", " + perSource + ", " + idleTimeout);
        }
    }
}
