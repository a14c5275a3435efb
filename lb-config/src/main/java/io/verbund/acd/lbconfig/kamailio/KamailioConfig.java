package io.verbund.acd.lbconfig.kamailio;

import io.verbund.acd.lbconfig.output.ConfigGenerator;
import io.verbund.acd.lbconfig.output.GeneratedFile;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.topology.AcdNode;
import io.verbund.acd.lbconfig.topology.Endpoint;
import io.verbund.acd.lbconfig.topology.NodeRole;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.SipSecurity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code kamailio/kamailio.cfg}, {@code kamailio/tls.cfg} and {@code kamailio/dispatcher.list}. The source concept demands
 * that the distributor does not trust "100 Trying": a node counts as having taken a call only once it
 * answers 180 or a final response. Kamailio's transaction layer switches from {@code fr_timer} to the
 * long {@code fr_inv_timer} on the first provisional reply, 100 included, so the 100 from a node is
 * dropped in the reply route (Kamailio already sent its own 100 upstream): the short timer keeps
 * running until 180, and a node that stays silent for it is marked down and the call goes to the next.
 * <p>
 * In front of the nodes it also filters (topology section {@code sipSecurity}): only the carriers'
 * trunk addresses and the cluster's own hosts may start calls (an initial INVITE from anyone else gets
 * 403), and any other source sending more than {@code floodRequests} requests in 2 s is dropped by
 * {@code pike} until it calms down. Phones still register from anywhere: the registrar's digest,
 * failure limits and replay protection guard REGISTER.
 * <p>
 * SIP over TLS ends here too, on {@code frontends.sipTls} (the SIP port + 1 by default): TLS 1.2 and 1.3
 * only, with the certificate in {@link GenerationSettings#sipTlsCertificate()}. The allow-list and
 * {@code pike} above run in the request route, so they see a TLS client's address like any other.
 * Kamailio forwards to the nodes over UDP on the private network, as for plain callers (record-route
 * then writes two Route entries, the TLS one facing the caller): a node's SIP stack trusts only the
 * JDK's public CAs, so its own requests back to Kamailio (a BYE of the call) could not verify a
 * cluster-made certificate on a TLS hop, and the call path stays one UDP packet per message.
 */
public final class KamailioConfig implements ConfigGenerator {

    public static final String CONFIG_PATH = "kamailio/kamailio.cfg";
    public static final String DISPATCHER_PATH = "kamailio/dispatcher.list";
    public static final String TLS_PATH = "kamailio/tls.cfg";
    /**
     * What Kamailio checks a TLS peer's certificate against when it opens the connection itself (a
     * request to a caller's TLS Contact): Debian's system CAs (package ca-certificates), as the hashed
     * folder OpenSSL looks up per handshake. The one-file bundle as {@code ca_list} is read into every
     * Kamailio process at start: with OpenSSL 3 that made Kamailio 5.6 start several times slower (over
     * a minute on a busy two-core machine).
     */
    static final String CLIENT_CA_PATH = "/etc/ssl/certs";
    /**
     * TLS 1.2 ciphers: forward-secret AEAD only (TLS 1.3's own suites are all of that kind and are
     * not affected by this list).
     */
    static final String TLS12_CIPHERS = "ECDHE+AESGCM:ECDHE+CHACHA20";
    /** Milliseconds a node has to answer 180 or a final response before the call moves on. */
    static final int RINGING_TIMEOUT_MS = 2000;
    /** Milliseconds a ringing call may wait for its final answer (an agent picking up). */
    static final int ANSWER_TIMEOUT_MS = 120_000;
    /**
     * Milliseconds a node has to answer an in-dialog request before it goes to another node: a live
     * node answers a BYE or re-INVITE at once, so silence this long means the node is gone, and the
     * caller's BYE then reaches a live node before the cluster has noticed (a few seconds). A node
     * only slow still ends the call when the BYE reaches it; the caller's dialog ends with either answer.
     */
    static final int IN_DIALOG_TIMEOUT_MS = 1000;
    /** Milliseconds the node an in-dialog request moved to has: it may look the call up in the cluster and the database first. */
    static final int SURVIVOR_TIMEOUT_MS = 4000;
    private static final int SET = 1;
    /** How long a flooding source must stay below the limit before pike lets it in again. */
    static final int FLOOD_QUIET_SECONDS = 10;

    @Override
    public List<GeneratedFile> generate(Topology topology, GenerationSettings settings) {
        String listFile = settings.outDir().resolve(DISPATCHER_PATH).toString();
        String tlsFile = settings.outDir().resolve(TLS_PATH).toString();
        return List.of(
                GeneratedFile.of(CONFIG_PATH, config(topology, settings, listFile, tlsFile),
                        "Kamailio SIP dispatcher on the virtual IP, fails over between telephony nodes"),
                GeneratedFile.of(TLS_PATH, tlsConfig(topology, settings),
                        "Kamailio's SIP over TLS: TLS 1.2+, the certificate it presents, how it checks peers it calls"),
                GeneratedFile.of(DISPATCHER_PATH, dispatcherList(topology),
                        "the telephony nodes' SIP addresses (dispatcher set " + SET + ")"));
    }

    static String dispatcherList(Topology topology) {
        StringBuilder list = new StringBuilder()
                .append("# Dispatcher set ").append(SET).append(": the telephony nodes of cluster ").append(topology.cluster()).append(".\n")
                .append("# Generated by lb-config. Columns: set, SIP URI, flags (8 = probing: pinged with OPTIONS),\n")
                .append("# priority, attributes.\n");
        for (AcdNode node : topology.nodesWith(NodeRole.TELEPHONY)) {
            list.append(SET).append(" sip:").append(node.sip()).append(" 8 0 duid=").append(node.name()).append('\n');
        }
        return list.toString();
    }

    /**
     * The tls module's domains. As a server (phones, trunks) no client certificate is asked for: the
     * registrar's digest and the trunk allow-list authenticate them. As a client it checks the peer's
     * chain against the system CAs, never "trust all".
     */
    static String tlsConfig(Topology topology, GenerationSettings settings) {
        String pem = settings.sipTlsCertificate().toString();
        return """
                # Kamailio's SIP over TLS for Verbund ACD cluster %1$s, read by kamailio.cfg's tls module.
                # Generated by lb-config: change the topology or the certificate option and generate again.
                # A new certificate in %2$s takes effect when Kamailio restarts.

                [server:default]
                method = TLSv1.2+
                certificate = %2$s
                private_key = %2$s
                cipher_list = %3$s
                verify_certificate = no
                require_certificate = no

                [client:default]
                method = TLSv1.2+
                cipher_list = %3$s
                verify_certificate = yes
                require_certificate = yes
                ca_path = %4$s
                """.formatted(topology.cluster(), pem, TLS12_CIPHERS, CLIENT_CA_PATH);
    }

    private static String config(Topology topology, GenerationSettings settings, String listFile, String tlsFile) {
        Endpoint listen = topology.frontend(topology.frontends().sip());
        Endpoint listenTls = topology.frontend(topology.frontends().sipTls());
        return """
                #!KAMAILIO
                # SIP dispatcher for Verbund ACD cluster %1$s, on the virtual IP %2$s.
                # Generated by lb-config from the topology file: change the topology and generate again.
                # Stateful: a node has taken a call only when it answers 180 or a final response (source
                # concept); 503, a timeout or silence for %3$d ms marks it down and the call goes to the next.

                debug=2
                log_stderror=no
                log_facility=LOG_LOCAL0
                fork=yes
                children=4
                # Addresses are IPs: no DNS lookups on the call path.
                dns=no
                rev_dns=no
                auto_aliases=no
                listen=udp:%2$s
                listen=tcp:%2$s
                # SIP over TLS (tls.cfg: TLS 1.2+, the certificate); the same request route as UDP and TCP.
                enable_tls=yes
                listen=tls:%11$s
                tcp_connection_lifetime=3605

                loadmodule "tm.so"
                loadmodule "sl.so"
                loadmodule "rr.so"
                loadmodule "maxfwd.so"
                loadmodule "siputils.so"
                loadmodule "textops.so"
                loadmodule "pv.so"
                loadmodule "dispatcher.so"
                loadmodule "xlog.so"
                loadmodule "ipops.so"
                loadmodule "pike.so"
                # Debian package kamailio-tls-modules.
                loadmodule "tls.so"

                modparam("tls", "config", "%12$s")

                # Short timer until the node rings (180) or answers; long once it rings (an agent picks up).
                modparam("tm", "fr_timer", %3$d)
                modparam("tm", "fr_inv_timer", %4$d)

                modparam("dispatcher", "list_file", "%5$s")
                # Flag 2: keep the other destinations of the set for ds_next_dst() (failover).
                modparam("dispatcher", "flags", 2)
                # OPTIONS to every node each second (probing mode 1); one failure marks it inactive, one
                # answer active again.
                modparam("dispatcher", "ds_ping_interval", 1)
                modparam("dispatcher", "ds_probing_mode", 1)
                modparam("dispatcher", "ds_probing_threshold", 1)
                modparam("dispatcher", "ds_inactive_threshold", 1)
                modparam("dispatcher", "ds_ping_from", "sip:dispatcher@%2$s")

                # Flood limit for sources other than the trunk and the cluster: %8$d requests per %9$d s,
                # then dropped until the source has been quiet for %10$d s.
                modparam("pike", "sampling_time_unit", %9$d)
                modparam("pike", "reqs_density_per_unit", %8$d)
                modparam("pike", "remove_latency", %10$d)

                request_route {
                    # Trunk sources (the carriers) and the cluster's own hosts: %7$s
                    if (is_in_subnet("$si", "%7$s")) {
                        $var(trunk) = 1;
                    } else {
                        $var(trunk) = 0;
                        # pike logs when it starts blocking a source; its requests are dropped unanswered.
                        if (!pike_check_req()) {
                            exit;
                        }
                    }
                    if (!mf_process_maxfwd_header("10")) {
                        sl_send_reply("483", "Too Many Hops");
                        exit;
                    }
                    # Keepalives addressed to the dispatcher itself.
                    if (is_method("OPTIONS") && uri==myself && $rU==$null) {
                        sl_send_reply("200", "OK");
                        exit;
                    }
                    # CANCEL before the dialog check: it matches the INVITE's transaction, and some
                    # callers (SIPp among them) copy the To tag of a 180 into it.
                    if (is_method("CANCEL")) {
                        if (t_check_trans()) {
                            t_relay();
                        } else {
                            sl_send_reply("481", "Call/Transaction Does Not Exist");
                        }
                        exit;
                    }
                    if (has_totag()) {
                        route(IN_DIALOG);
                        exit;
                    }
                    # Retransmissions of a request already in a transaction are absorbed here.
                    t_check_trans();
                    if (is_method("ACK")) {
                        exit;
                    }
                    # Only the trunk starts calls: an INVITE from anywhere else would ring agents for free.
                    if (is_method("INVITE") && $var(trunk) == 0) {
                        xlog("L_WARN", "INVITE from $si, not a trunk source: refused ($ci)\\n");
                        sl_send_reply("403", "Not a trunk source");
                        exit;
                    }
                    route(DISPATCH);
                }

                # ACK, BYE, re-INVITE: follow the Route set recorded at the INVITE to the node of the call,
                # or to another node of the set when that one is down (route NODE_HOP).
                route[IN_DIALOG] {
                    if (loose_route()) {
                        if (is_method("INVITE")) {
                            record_route();
                        }
                        route(NODE_HOP);
                        if (!t_relay()) {
                            sl_reply_error();
                        }
                        exit;
                    }
                    if (is_method("ACK")) {
                        # ACK to a negative final answer: the transaction layer handles it.
                        if (t_check_trans()) {
                            t_relay();
                        }
                        exit;
                    }
                    sl_send_reply("404", "Not here");
                    exit;
                }

                # The next hop of an in-dialog request ($du when the route set names one more, else the
                # Request-URI). A telephony node of the set that probing marked down: a live node instead,
                # which takes the caller over or ends its call. One still marked up: %13$d ms to answer, then
                # the same (failure route IN_DIALOG_NODE_FAILED). Other hops (callers, trunks, phones) as they are.
                route[NODE_HOP] {
                    if ($du != $null) {
                        $avp(hop) = $du;
                    } else {
                        $avp(hop) = $ru;
                    }
                    # Mode 2: IP and port, any transport; mode 6: the same and active.
                    if (ds_is_from_list("%6$d", "2", "$avp(hop)")) {
                        # Never an ACK: it confirms the 200 of the node that sent it, which no other node
                        # can use; and one 503 marks a node down that may be alive, whose answered call
                        # would then end for want of its ACK.
                        if (!is_method("ACK") && !ds_is_from_list("%6$d", "6", "$avp(hop)")) {
                            xlog("L_WARN", "$rm of $ci for telephony node $avp(hop), which is down: to another node\\n");
                            route(OTHER_NODE);
                        }
                        if (!is_method("ACK")) {
                            t_set_fr(%4$d, %13$d);
                            t_on_failure("IN_DIALOG_NODE_FAILED");
                        }
                    }
                }

                # A live node of the set instead of $avp(hop), by Call-ID like a call's first pick; sets
                # $var(other) to 1 when there is one. A pick that is the silent node itself (probing has not
                # marked it yet) marks it down and takes the next.
                route[OTHER_NODE] {
                    $var(other) = 0;
                    if (ds_select_dst("%6$d", "0")) {
                        $var(other) = 1;
                        if ($(du{uri.host}) == $(avp(hop){uri.host}) && $(du{uri.port}) == $(avp(hop){uri.port})) {
                            ds_mark_dst("ip");
                            if (!ds_next_dst()) {
                                $var(other) = 0;
                            }
                        }
                    }
                    if ($var(other) == 0) {
                        xlog("L_ERR", "no other telephony node for $rm of $ci\\n");
                    }
                }

                # New requests: hash over Call-ID (algorithm 0), so the requests of one call and the
                # re-REGISTER after a digest challenge reach the same node.
                route[DISPATCH] {
                    if (!ds_select_dst("%6$d", "0")) {
                        xlog("L_ERR", "no telephony node available for $rm $ci\\n");
                        sl_send_reply("503", "No telephony node available");
                        exit;
                    }
                    if (is_method("INVITE|SUBSCRIBE")) {
                        record_route();
                    }
                    route(RELAY);
                }

                route[RELAY] {
                    if (is_method("INVITE")) {
                        # fr_inv_timeout, fr_timeout: the node has %3$d ms to ring or answer.
                        t_set_fr(%4$d, %3$d);
                        t_on_reply("NODE_REPLY");
                    }
                    t_on_failure("NODE_FAILED");
                    if (!t_relay()) {
                        sl_reply_error();
                    }
                    exit;
                }

                # 100 Trying proves nothing (source concept): dropped, so it does not switch the
                # transaction to the long timer; the node must still ring or answer in time.
                onreply_route[NODE_REPLY] {
                    if ($rs == 100) {
                        drop;
                    }
                }

                failure_route[NODE_FAILED] {
                    if (t_is_canceled()) {
                        exit;
                    }
                    if (t_check_status("503|408") || t_branch_timeout()) {
                        xlog("L_WARN", "telephony node $du failed (503, timeout or no 180) for $ci; marking it down, trying the next\\n");
                        # Inactive and probing: OPTIONS bring it back once it answers again.
                        ds_mark_dst("ip");
                        if (ds_next_dst()) {
                            t_on_reply("NODE_REPLY");
                            t_on_failure("NODE_FAILED");
                            if (t_relay()) {
                                exit;
                            }
                        }
                        # Nothing left: the caller gets the best answer collected (408 or 503).
                        xlog("L_ERR", "no further telephony node for $ci\\n");
                    }
                }

                # An in-dialog request the call's node did not answer in time: once more, to a live node,
                # which may look the call up in the cluster before it answers (%14$d ms).
                failure_route[IN_DIALOG_NODE_FAILED] {
                    if (t_is_canceled()) {
                        exit;
                    }
                    if (t_check_status("503|408") || t_branch_timeout()) {
                        xlog("L_WARN", "telephony node $avp(hop) did not answer $rm of $ci: to another node\\n");
                        route(OTHER_NODE);
                        if ($var(other) == 1) {
                            t_set_fr(%4$d, %14$d);
                            t_relay();
                        }
                    }
                }
                """.formatted(topology.cluster(), listen, RINGING_TIMEOUT_MS, ANSWER_TIMEOUT_MS, listFile, SET,
                String.join(",", trustedSources(topology)), topology.sipSecurity().floodRequests(), SipSecurity.FLOOD_WINDOW_SECONDS,
                FLOOD_QUIET_SECONDS, listenTls, tlsFile, IN_DIALOG_TIMEOUT_MS, SURVIVOR_TIMEOUT_MS);
    }

    /**
     * Who may start calls and is not flood-limited: the topology's trunk sources, and the cluster's own
     * hosts (telephony nodes sending in-dialog requests back, load balancers, the virtual IP), each as
     * a /32 unless given as a subnet.
     */
    static List<String> trustedSources(Topology topology) {
        Set<String> sources = new LinkedHashSet<>(topology.sipSecurity().trunkSources());
        sources.add(topology.virtualIp());
        topology.nodes().forEach(node -> sources.add(node.host()));
        topology.loadBalancers().forEach(balancer -> sources.add(balancer.host()));
        return sources.stream().map(source -> source.contains("/") ? source : source + "/32").distinct().toList();
    }
}
