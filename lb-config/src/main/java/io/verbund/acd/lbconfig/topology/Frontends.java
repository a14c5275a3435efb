package io.verbund.acd.lbconfig.topology;

/**
 * The ports clients reach on the virtual IP: HTTPS (and HTTP, which only redirects to it), SIP (UDP
 * and TCP) and SIP over TLS for phones, trunks and browsers, one port per
 * database role for the WildFly datasources, the haproxy stats page, and the haproxy peers port that
 * hands the stick tables (which master is active) from an old haproxy process to a reloaded one.
 */
public record Frontends(int http, int https, int sip, int sipTls, int dbMaster, int dbRealtime, int dbReporting, int haproxyStats,
                        int haproxyPeers, int softphoneWebSocket, int softphoneSip, int rtpengine) {

    /**
     * Used when the topology leaves them out: the softphone edge's WebSocket (haproxy hands
     * {@code wss://<virtual IP>:<https>/sip-ws} on to it), its SIP towards the nodes (UDP), and
     * rtpengine's control socket (UDP). All on the virtual IP, beside Kamailio.
     */
    public static final int DEFAULT_SOFTPHONE_WEB_SOCKET = 5066;
    public static final int DEFAULT_SOFTPHONE_SIP = 5065;
    public static final int DEFAULT_RTPENGINE = 22222;
    /** rtpengine's media ports on the virtual IP, apart from every node's RTP share (20000-39999). */
    public static final int RTPENGINE_MEDIA_MIN = 40000;
    public static final int RTPENGINE_MEDIA_MAX = 40999;

    /** Used when the topology leaves {@code frontends.haproxyPeers} out. */
    public static final int DEFAULT_HAPROXY_PEERS = 10000;
    /** Used when the topology leaves {@code frontends.https} out: the standard port. */
    public static final int DEFAULT_HTTPS = 443;

    /** Used when the topology leaves {@code frontends.sipTls} out: the SIP port + 1, as 5061 pairs with 5060 (RFC 3261). */
    public static int defaultSipTls(int sip) {
        return sip + 1;
    }
}
