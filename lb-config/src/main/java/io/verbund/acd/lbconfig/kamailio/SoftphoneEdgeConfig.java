package io.verbund.acd.lbconfig.kamailio;

import io.verbund.acd.lbconfig.output.ConfigGenerator;
import io.verbund.acd.lbconfig.output.GeneratedFile;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.topology.Frontends;
import io.verbund.acd.lbconfig.topology.NodeRole;
import io.verbund.acd.lbconfig.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kamailio as the browser softphones' edge: SIP over WebSocket (and secure WebSocket) from the agent
 * desktop in, plain SIP over UDP to the telephony node out, with rtpengine converting the media
 * between WebRTC (ICE, DTLS-SRTP, RTP/SAVPF with rtcp-mux) towards the browser and plain RTP/AVP
 * G.711 towards the node. Hold music, mixing, whisper and recording thus stay in the node's own media
 * engine, which never speaks DTLS or ICE.
 * <p>
 * Only two things pass: a browser's REGISTER, sent on to the node's registrar with a {@code Path}
 * naming this edge and the browser's connection (RFC 3327; the node trusts Path only from this
 * edge's address), and the node's INVITE to a registered browser, which follows that Path back to
 * the WebSocket, plus whatever belongs to such a dialog. A browser does not start calls here: the
 * node places the agent's outbound calls itself, ringing the softphone first (click-to-dial), so
 * every call of the tenant is checked, recorded and reported in one place. The WebSocket handshake is
 * accepted only from the portal's own origins.
 */
public final class SoftphoneEdgeConfig implements ConfigGenerator {

    public static final String CONFIG_PATH = "kamailio/softphone-edge.cfg";
    /** Where haproxy's HTTPS frontend hands the softphone's WebSocket on to the edge. */
    public static final String WEB_SOCKET_PATH = "/sip-ws";

    /**
     * Where the edge listens and what it talks to.
     *
     * @param secureWebSocketPort 0 for none: in the cluster haproxy ends TLS and hands the WebSocket on in clear
     * @param registrar           where a browser's REGISTER goes: the node, or the cluster's SIP dispatcher
     * @param nodes               the telephony nodes' SIP addresses ({@code host:port}), the only senders heard on the UDP side
     * @param tlsConfig           the tls module's file; null without a secure WebSocket
     * @param controlSocket       the unix socket of Kamailio's RPC (ctl module, for {@code kamcmd}: e.g. {@code ws.dump},
     *                            {@code ws.close}), readable by the edge's own user only; null for none
     */
    public record Edge(String host, int webSocketPort, int secureWebSocketPort, int nodeFacingPort, String registrar,
                       List<String> nodes, String rtpengine, Path tlsConfig, List<String> allowedOrigins, Path controlSocket) {

        public Edge {
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("the softphone edge needs the telephony nodes' SIP addresses");
            }
            if (secureWebSocketPort > 0 && tlsConfig == null) {
                throw new IllegalArgumentException("a secure WebSocket needs the tls module's configuration");
            }
            allowedOrigins = List.copyOf(allowedOrigins);
            if (allowedOrigins.isEmpty()) {
                throw new IllegalArgumentException("the softphone edge needs at least one allowed origin (the portal's address)");
            }
            for (String origin : allowedOrigins) {
                if (!origin.matches("https?://[A-Za-z0-9.:\\[\\]-]+")) {
                    throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
                }
            }
        }
    }

    /** SDP going to the browser: WebRTC as Chromium and Firefox require it. */
    static final String TOWARDS_BROWSER = "trust-address replace-origin replace-session-connection ICE=force DTLS=passive SDES-off "
            + "UDP/TLS/RTP/SAVPF rtcp-mux-require generate-mid";
    /**
     * SDP going to the node: plain RTP, no ICE, RTCP on its own port, and only codecs the node's
     * engine speaks (G.711 and telephone-event; Opus and RED are taken out of a browser's offer).
     */
    static final String TOWARDS_NODE = "trust-address replace-origin replace-session-connection ICE=remove DTLS=off SDES-off "
            + "RTP/AVP rtcp-mux-demux codec-strip-opus codec-strip-red codec-strip-G722 codec-strip-ILBC codec-strip-CN";

    /**
     * The cluster's edge, beside Kamailio on the virtual IP: browsers come through haproxy's HTTPS
     * ({@code wss://<virtual IP>:<https>/sip-ws}, TLS ended there), REGISTERs go to the SIP
     * dispatcher, which picks a node as for any phone.
     */
    @Override
    public List<GeneratedFile> generate(Topology topology, GenerationSettings settings) {
        return List.of(GeneratedFile.of(CONFIG_PATH, kamailioCfg(clusterEdge(topology)),
                "the browser softphone's edge: SIP over WebSocket from haproxy to the nodes, media through rtpengine"));
    }

    /** The cluster's edge as {@link #generate} writes it. */
    public static Edge clusterEdge(Topology topology) {
        Frontends frontends = topology.frontends();
        String vip = topology.virtualIp();
        List<String> origins = frontends.https() == 443 ? List.of("https://" + vip, "https://" + vip + ":443")
                : List.of("https://" + vip + ":" + frontends.https());
        return new Edge(vip, frontends.softphoneWebSocket(), 0, frontends.softphoneSip(), vip + ":" + frontends.sip(),
                topology.nodesWith(NodeRole.TELEPHONY).stream().map(node -> node.sip().toString()).toList(),
                vip + ":" + frontends.rtpengine(), null, origins, null);
    }

    /** The address the agent desktop opens for the cluster's softphone. */
    public static String clusterWebSocketUrl(Topology topology) {
        int https = topology.frontends().https();
        return "wss://" + topology.virtualIp() + (https == 443 ? "" : ":" + https) + WEB_SOCKET_PATH;
    }

    public static String kamailioCfg(Edge edge) {
        String origins = edge.allowedOrigins().stream().map(origin -> "$hdr(Origin) == \"" + origin + "\"")
                .collect(Collectors.joining(" || "));
        // The node sends from the port it listens on, so a stranger on a node's host is told apart.
        String fromNode = edge.nodes().stream().map(node -> "($si == \"" + hostOf(node) + "\" && $sp == " + portOf(node) + ")")
                .collect(Collectors.joining(" || "));
        boolean secure = edge.secureWebSocketPort() > 0;
        String tlsListen = secure ? "enable_tls=yes\nlisten=tls:" + edge.host() + ":" + edge.secureWebSocketPort() : "# no secure WebSocket: TLS ends before the edge";
        String tlsModule = secure ? "loadmodule \"tls.so\"\nmodparam(\"tls\", \"config\", \"" + edge.tlsConfig() + "\")" : "";
        // A local unix socket only, mode 0600: the RPC can close any browser's connection.
        String controlModule = edge.controlSocket() == null ? "# no RPC socket"
                : "loadmodule \"ctl.so\"\nmodparam(\"ctl\", \"binrpc\", \"unix:" + edge.controlSocket() + "\")\nmodparam(\"ctl\", \"mode\", 0600)";
        String webSocketPorts = secure ? "$Rp != " + edge.webSocketPort() + " && $Rp != " + edge.secureWebSocketPort()
                : "$Rp != " + edge.webSocketPort();
        return """
                #!KAMAILIO
                # Verbund ACD softphone edge: browsers' SIP over WebSocket in, the node's plain SIP out,
                # media through rtpengine (WebRTC towards the browser, plain G.711 RTP towards the node).
                # Generated by the launcher: change the ports or the portal's origins and start again.

                debug=2
                log_stderror=yes
                fork=yes
                children=2
                tcp_children=2
                dns=no
                rev_dns=no
                auto_aliases=no
                # Towards the node (UDP), and the browsers' WebSocket (TCP) and secure WebSocket (TLS).
                listen=udp:%1$s:%4$d
                listen=tcp:%1$s:%2$d
                %3$s
                # WebSocket frames carry no Content-Length.
                tcp_accept_no_cl=yes
                tcp_connection_lifetime=3605

                loadmodule "tm.so"
                loadmodule "sl.so"
                loadmodule "rr.so"
                loadmodule "maxfwd.so"
                loadmodule "siputils.so"
                loadmodule "textops.so"
                loadmodule "pv.so"
                loadmodule "xlog.so"
                loadmodule "sanity.so"
                loadmodule "nathelper.so"
                loadmodule "path.so"
                # Debian packages kamailio-websocket-modules (and kamailio-tls-modules for the secure WebSocket).
                %7$s
                loadmodule "xhttp.so"
                loadmodule "websocket.so"
                loadmodule "rtpengine.so"
                %13$s

                # The browser's connection goes into the Path as its received address, and comes back
                # as the destination when the node's INVITE follows that Path.
                modparam("path", "use_received", 1)
                modparam("rtpengine", "rtpengine_sock", "udp:%6$s")
                # Unsolicited pongs every 30 s keep an idle WebSocket (a call's quiet signalling) open through
                # NAT and proxies. Not pings: with pings the module closes a connection whose last ping is
                # still unanswered at the next round, and a busy browser lost its call's BYE that way
                # (docs/benchmarks.md). A browser that is gone still drops out: TCP, JsSIP's re-REGISTER.
                modparam("websocket", "keepalive_mechanism", 2)
                modparam("websocket", "keepalive_timeout", 30)

                # The WebSocket handshake, on the WebSocket ports only and only from the portal's pages.
                event_route[xhttp:request] {
                    set_reply_close();
                    set_reply_no_connect();
                    if (%12$s) {
                        xhttp_reply("403", "Forbidden", "", "");
                        exit;
                    }
                    if (!(%8$s)) {
                        xlog("L_WARN", "WebSocket handshake from $si with origin '$hdr(Origin)' refused\\n");
                        xhttp_reply("403", "Forbidden", "", "");
                        exit;
                    }
                    if ($hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm =~ "GET") {
                        if (ws_handle_handshake()) {
                            exit;
                        }
                    }
                    xhttp_reply("404", "Not Found", "", "");
                }

                request_route {
                    if (!mf_process_maxfwd_header("10")) {
                        sl_send_reply("483", "Too Many Hops");
                        exit;
                    }
                    if (!sanity_check("17895", "7")) {
                        xlog("L_WARN", "malformed $rm from $si:$sp dropped\\n");
                        exit;
                    }
                    if ($pr == "ws" || $pr == "wss") {
                        $var(browser) = 1;
                    } else if ($Rp == %4$d && (%9$s)) {
                        $var(browser) = 0;
                    } else {
                        sl_send_reply("403", "Only the node and browsers");
                        exit;
                    }
                    if (is_method("CANCEL")) {
                        if (t_check_trans()) {
                            rtpengine_manage();
                            t_relay();
                        }
                        exit;
                    }
                    if (has_totag()) {
                        route(IN_DIALOG);
                        exit;
                    }
                    t_check_trans();
                    if (is_method("ACK")) {
                        exit;
                    }
                    if (is_method("REGISTER") && $var(browser) == 1) {
                        if (!add_path_received()) {
                            sl_send_reply("500", "Cannot add Path");
                            exit;
                        }
                        $du = "sip:%5$s";
                        if (!t_relay()) {
                            sl_reply_error();
                        }
                        exit;
                    }
                    if (is_method("INVITE") && $var(browser) == 0) {
                        # The Route is the browser's registered Path: it names this edge, and its received
                        # parameter becomes the destination (loose_route answers for a pre-loaded route
                        # without a dialog as an error code, but the destination is set all the same).
                        loose_route();
                        if ($du == $null) {
                            sl_send_reply("404", "No softphone connection");
                            exit;
                        }
                        record_route();
                        rtpengine_manage("%10$s");
                        t_on_reply("FROM_BROWSER");
                        t_on_failure("BROWSER_FAILED");
                        if (!t_relay()) {
                            rtpengine_manage();
                            sl_reply_error();
                        }
                        exit;
                    }
                    if ($var(browser) == 1 && is_method("INVITE")) {
                        # Outbound calls start at the node (click-to-dial), which checks, records and reports them.
                        sl_send_reply("403", "Calls are placed from the agent desktop");
                        exit;
                    }
                    sl_send_reply("405", "Method Not Allowed");
                    exit;
                }

                # BYE, ACK, re-INVITE: along the route set recorded at the INVITE; towards the browser, the
                # alias in its Contact names the WebSocket connection.
                route[IN_DIALOG] {
                    if (!loose_route()) {
                        if (is_method("ACK") && t_check_trans()) {
                            t_relay();
                            exit;
                        }
                        sl_send_reply("404", "Not here");
                        exit;
                    }
                    if ($var(browser) == 0 && $ru =~ "alias=") {
                        handle_ruri_alias();
                    }
                    if (is_method("BYE")) {
                        rtpengine_manage();
                    } else if (is_method("INVITE") && has_body("application/sdp")) {
                        if ($var(browser) == 1) {
                            rtpengine_manage("%11$s");
                        } else {
                            rtpengine_manage("%10$s");
                        }
                        t_on_reply("FROM_BROWSER");
                    } else if (is_method("ACK") && has_body("application/sdp")) {
                        if ($var(browser) == 1) {
                            rtpengine_manage("%11$s");
                        } else {
                            rtpengine_manage("%10$s");
                        }
                    }
                    if (!t_relay()) {
                        sl_reply_error();
                    }
                    exit;
                }

                # Answers to INVITEs: the browser's SDP made plain for the node, the node's made WebRTC for
                # the browser; a browser's Contact gets the alias of its connection.
                onreply_route[FROM_BROWSER] {
                    if ($pr == "ws" || $pr == "wss") {
                        add_contact_alias();
                        if (has_body("application/sdp")) {
                            rtpengine_manage("%11$s");
                        }
                    } else if (has_body("application/sdp")) {
                        rtpengine_manage("%10$s");
                    }
                }

                failure_route[BROWSER_FAILED] {
                    rtpengine_manage();
                }
                """.formatted(edge.host(), edge.webSocketPort(), tlsListen, edge.nodeFacingPort(), edge.registrar(),
                edge.rtpengine(), tlsModule, origins, fromNode, TOWARDS_BROWSER, TOWARDS_NODE, webSocketPorts, controlModule);
    }

    /** The secure WebSocket's TLS: TLS 1.2+, forward-secret AEAD ciphers, the given certificate and key (one PEM). */
    public static String tlsCfg(Path certificateAndKey) {
        return """
                # TLS of the softphone edge's secure WebSocket. Generated by the launcher.
                [server:default]
                method = TLSv1.2+
                certificate = %1$s
                private_key = %1$s
                cipher_list = %2$s
                verify_certificate = no
                require_certificate = no
                """.formatted(certificateAndKey, KamailioConfig.TLS12_CIPHERS);
    }

    /**
     * rtpengine's command line: user space only (no kernel module, no systemd), the ng control socket,
     * its own port range. {@code --dtls-passive}: Chromium takes the DTLS server role when offered
     * {@code actpass}; rtpengine must then be the client or the handshake never ends.
     */
    public static List<String> rtpengineCommand(String program, String mediaAddress, String ngSocket, int portMin, int portMax) {
        return List.of(program, "--config-file=none", "--foreground", "--log-stderr", "--table=-1",
                "--interface=" + mediaAddress, "--listen-ng=" + ngSocket, "--port-min=" + portMin, "--port-max=" + portMax,
                "--num-threads=2", "--dtls-passive", "--delete-delay=0", "--log-level=5");
    }

    private static String portOf(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? "5060" : address.substring(colon + 1);
    }

    private static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }
}
