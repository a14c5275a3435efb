package io.verbund.acd.launcher;

import java.io.PrintStream;
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
        out.printf("  Portal (browser)      %s/%n", http);
        out.printf("  REST API              %s/api/v1        health: %s/api/v1/health%n", http, http);
        out.printf("  Service health        %s/telephony/health  %s/stats/health  %s/storage/health%n", http, http, http);
        out.printf("  SIP trunk, registrar  %s:%d (UDP and TCP)%n", NodePorts.HOST, sip);
        out.printf("  WildFly management    http://%s:%d/%n", NodePorts.HOST, ports.management());
        out.printf("  MariaDB               %s:%d, database %s, user %s (password in %s)%n", NodePorts.HOST,
                node.database().port(), MariaDbServer.DATABASE, MariaDbServer.USER, node.home().root().resolve("secrets/db.properties"));
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
        out.println("  A test call to the Hotline +4930500100 (SIPp, Debian package sip-tester):");
        out.printf("    sipp -sn uac -s +4930500100 %s:%d -i %s -p %d -m 1 -nostdin -timeout 30s%n",
                NodePorts.HOST, sip, NodePorts.HOST, sip + 10);
        out.println("    (SIP call handling arrives with the telephony issue; until then the call is not answered.)");
        out.println();
        out.println("Ctrl-C here, or ./verbund stop in another shell, stops everything. ./verbund status shows what runs.");
    }
}
