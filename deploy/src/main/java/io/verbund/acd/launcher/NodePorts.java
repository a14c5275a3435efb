package io.verbund.acd.launcher;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ports one node listens on, all on 127.0.0.1, shifted together by a port offset (WildFly's
 * {@code jboss.socket.binding.port-offset}), so a second node or a test can run beside the demo.
 */
public record NodePorts(int offset) {

    /** A port the node needs, and what for: the name a user reads when it is taken. */
    public record Need(int port, String purpose, boolean udpToo) {
    }

    public static final String HOST = "127.0.0.1";

    public int http() {
        return 8080 + offset;
    }

    public int https() {
        return 8443 + offset;
    }

    public int management() {
        return 9990 + offset;
    }

    public int sip() {
        return 5060 + offset;
    }

    /** SIP over TLS: the telephony server's default, its plain SIP port + 1. */
    public int sipTls() {
        return 5061 + offset;
    }

    public int jgroups() {
        return 7600 + offset;
    }

    /** The RTP ports, as {@code lowest-highest}: 20000–29999 shifted like every other port. */
    public String rtp() {
        return (20000 + offset) + "-" + (29999 + offset);
    }

    /** The softphone edge's SIP over WebSocket, for agent desktops served over plain HTTP (loopback). */
    public int webSocket() {
        return 8088 + offset;
    }

    /** The softphone edge's SIP over secure WebSocket, for agent desktops served over HTTPS. */
    public int secureWebSocket() {
        return 8089 + offset;
    }

    /** Where the softphone edge (Kamailio) exchanges plain SIP with the node (UDP). */
    public int softphoneEdgeSip() {
        return 5065 + offset;
    }

    /** rtpengine's control socket (ng protocol, UDP), which only the edge uses. */
    public int rtpengineControl() {
        return 22222 + offset;
    }

    /** rtpengine's media ports: apart from the node's RTP ports, whatever the offset. */
    public int rtpengineMediaMin() {
        return 40000 + offset;
    }

    public int rtpengineMediaMax() {
        return 40999 + offset;
    }

    /** The softphone edge's ports, checked only when the edge starts. */
    public List<Need> softphoneEdgeNeeds() {
        return List.of(
                new Need(webSocket(), "SIP over WebSocket for the browser softphone (Kamailio)", false),
                new Need(secureWebSocket(), "SIP over secure WebSocket for the browser softphone (Kamailio)", false),
                new Need(softphoneEdgeSip(), "the softphone edge's SIP towards the node (Kamailio)", true),
                new Need(rtpengineControl(), "rtpengine's control socket", true));
    }

    public List<Need> needs() {
        return List.of(
                new Need(http(), "HTTP: portal, REST API and service health", false),
                new Need(https(), "HTTPS: portal, REST API and service health", false),
                new Need(management(), "WildFly management", false),
                new Need(9993 + offset, "WildFly management over HTTPS", false),
                new Need(8009 + offset, "AJP (WildFly)", false),
                new Need(jgroups(), "cluster membership (JGroups TCP)", false),
                new Need(4712 + offset, "transaction recovery (WildFly)", false),
                new Need(4713 + offset, "transaction status (WildFly)", false),
                new Need(sip(), "SIP trunk and agent registrar", true),
                new Need(sipTls(), "SIP over TLS", false));
    }

    /** Fails naming the first port something else holds. */
    public void requireFree(int databasePort) {
        List<Need> all = new ArrayList<>(needs());
        all.add(new Need(databasePort, "MariaDB", false));
        requireFree(all, "Stop that program, or start with another --port-offset (e.g. --port-offset 100).");
    }

    /** Fails naming the first of {@code needs} something else holds, and what to do about it. */
    public static void requireFree(List<Need> needs, String advice) {
        for (Need need : needs) {
            if (!isFree(need.port(), need.udpToo())) {
                throw new LaunchFailure(ExitCode.PORT_IN_USE, "Port " + need.port() + " on " + HOST + " ("
                        + need.purpose() + ") is already in use" + holderOf(need.port()) + ".\n" + advice);
            }
        }
    }

    /** The first port from {@code from} on that nothing listens on. */
    public static int firstFree(int from) {
        for (int port = from; port < from + 100; port++) {
            if (isFree(port, false)) {
                return port;
            }
        }
        throw new LaunchFailure(ExitCode.PORT_IN_USE, "No free port for MariaDB between " + from + " and " + (from + 99));
    }

    public static boolean isFree(int port, boolean udpToo) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            return false;
        }
        if (udpToo) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), port))) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Best effort: names the program holding a TCP port when {@code ss} can tell. */
    private static String holderOf(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String output = new String(ss.getInputStream().readAllBytes()).trim();
            if (!ss.waitFor(2, TimeUnit.SECONDS) || output.isEmpty()) {
                return "";
            }
            int users = output.indexOf("users:((\"");
            if (users < 0) {
                return "";
            }
            String program = output.substring(users + 9, output.indexOf('"', users + 9));
            int pid = output.indexOf("pid=", users);
            String pidText = pid < 0 ? "" : ", pid " + output.substring(pid + 4).split("[,)]")[0];
            return " by " + program + pidText;
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
