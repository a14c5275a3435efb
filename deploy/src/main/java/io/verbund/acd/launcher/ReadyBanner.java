package io.verbund.acd.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** What a new user reads when the demo is ready: where everything is and what to do next. */
final class ReadyBanner {

    private final Installation installation;
    private final DemoNode node;

    ReadyBanner(Installation installation, DemoNode node) {
        this.installation = installation;
        this.node = node;
    }

    void print(PrintStream out, Duration startup) {
        NodePorts ports = node.ports();
        String http = "http://" + NodePorts.HOST + ":" + ports.http();
        int sip = ports.sip();
        out.println();
        out.printf("Verbund ACD %s is ready on %s (started in %d s).%n", installation.version(), DemoNode.NODE_NAME, startup.toSeconds());
        out.println();
        out.printf("  Portal (browser)      %s/   (agent desktop /agent, supervisor /supervisor, wallboard /wallboard, admin /admin)%n", http);
        out.printf("  REST API              %s/api/v1        health: %s/api/v1/health   OpenAPI: %s/api/v1/openapi%n", http, http, http);
        out.printf("  Service health        %s/telephony/health  %s/stats/health  %s/storage/health%n", http, http, http);
        NodeCertificate certificate = node.wildfly().certificate();
        out.printf("  HTTPS                 %s   (the same portal, API and health over TLS)%n", node.httpsUrl());
        out.printf("  Certificate           SHA-256 %s%n", certificate.fingerprint());
        out.printf("                        %s, in %s (curl --cacert it); plain HTTP stays on loopback%n",
                certificate.selfSigned() ? "self-signed" : "issued by " + certificate.certificate().getIssuerX500Principal().getName(),
                certificate.certificatePem());
        out.printf("  SIP trunk, registrar  %s:%d (UDP and TCP), SIP over TLS %s:%d (same certificate)%n",
                NodePorts.HOST, sip, NodePorts.HOST, node.ports().sipTls());
        if (node.hasSoftphoneEdge()) {
            out.printf("  Browser softphone     SIP over WebSocket ws://%s:%d and wss://%s:%d (Kamailio), WebRTC media by rtpengine;%n"
                    + "                        log in as an agent and switch on \"Use this browser as my phone\" (README)%n",
                    NodePorts.HOST, ports.webSocket(), NodePorts.HOST, ports.secureWebSocket());
        }
        out.println(node.outboundTrunk()
                .map(trunk -> "  Outbound trunk        " + trunk + ": agents call +49... numbers from the desktop's Call out field")
                .orElse("  Outbound trunk        none, so calls in only; ./verbund demo --trunk sip:HOST:PORT lets agents call out (README)"));
        out.printf("  WildFly management    http://%s:%d/%n", NodePorts.HOST, ports.management());
        out.printf("  MariaDB               %s:%d, database %s, user %s (password in %s)%n", NodePorts.HOST,
                node.database().port(), MariaDbServer.DATABASE, MariaDbServer.USER, node.home().root().resolve("secrets/db.properties"));
        out.println("                        in clear on loopback; the demo's database and cache have no TLS (./verbund cluster has)");
        out.printf("  Data folder           %s%n", node.home().root());
        out.printf("  Logs                  %s (JSON)%n", node.wildfly().serverLog());
        out.println();
        out.println("  Logins (browser, or HTTP Basic on the API):");
        out.println("    sysadmin / system-admin              system administrator");
        out.println("    admin@demo / demo-admin              tenant admin, Demo GmbH");
        out.println("    supervisor@demo / demo-supervisor    supervisor, Demo GmbH");
        out.println("    agent1001@demo / demo-1001 ... agent1010@demo / demo-1010");
        out.println("    admin@acme / acme-admin              tenant admin, ACME AG");
        out.printf("  Agent phones register as sip:1001@%s ... sip:1010@%s, digest user 1001, password demo-1001.%n",
                NodePorts.HOST, NodePorts.HOST);
        out.println();
        Path sipp = installation.root().getParent().getParent().resolve("src/test/sipp");
        out.println("  A test call with SIPp (Debian package sip-tester), scenarios in " + sipp + ":");
        out.printf("    1. register agent 1001's phone:  sipp %s:%d -sf %s/agent-register.xml -s 1001 -au 1001 -ap demo-1001 -i %s -p 5071 -m 1 -nostdin%n",
                NodePorts.HOST, sip, sipp, NodePorts.HOST);
        out.printf("    2. let the phone answer:         sipp -sf %s/agent-answer.xml -i %s -p 5071 -m 1 -d 500 -nostdin &%n", sipp, NodePorts.HOST);
        out.printf("    3. make agent 1001 ready:        log in at %s/ as agent1001@demo / demo-1001 and click Ready, or:%n", http);
        out.printf("                                     curl -u agent1001@demo:demo-1001 -X PUT -H 'Content-Type: application/json' -d '{\"state\":\"READY\"}' %s/api/v1/agents/1001/state%n", http);
        out.printf("    4. call the Hotline:             sipp %s:%d -sf %s/caller.xml -s +4930500100 -i %s -p 5070 -m 1 -d 15000 -nostdin%n",
                NodePorts.HOST, sip, sipp, NodePorts.HOST);
        out.println("    The desktop shows the call; supervisor@demo sees it live at /supervisor and /wallboard.");
        out.printf("    The caller hears the welcome prompt and music on hold; Support records, so afterwards the stereo%n");
        out.printf("    recording is listed at %s/storage/api/v1/tenants/demo/files/recordings (as admin@demo).%n", http);
        out.println("    The Menu (+4930500200, DTMF 1 Sales, 2 Support) and Closed (+4930500300, voicemail): see the README.");
        out.println();
        out.println("Ctrl-C here, or ./verbund stop in another shell, stops everything. ./verbund status shows what runs.");
    }
}
