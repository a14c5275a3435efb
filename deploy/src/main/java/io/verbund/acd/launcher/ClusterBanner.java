package io.verbund.acd.launcher;

import io.verbund.acd.lbconfig.topology.Frontends;
import io.verbund.acd.lbconfig.topology.Topology;
import java.io.PrintStream;
import java.time.Duration;

/** What an operator reads when the cluster is up: the entry points, the parts, the commands. */
final class ClusterBanner {

    private final Cluster cluster;

    ClusterBanner(Cluster cluster) {
        this.cluster = cluster;
    }

    void print(PrintStream out, Duration startup) {
        Topology topology = cluster.topology();
        Frontends frontends = topology.frontends();
        String ip = topology.virtualIp();
        out.println();
        out.printf("Verbund ACD cluster %s is ready (started in %d s).%n", topology.cluster(), startup.toSeconds());
        out.println();
        out.printf("  Portal and REST API   %s  (haproxy over %s; %s redirects there)%n", cluster.httpsUrl(),
                String.join(", ", cluster.nodes().stream().map(Cluster.Node::name).toList()), cluster.httpUrl());
        NodeCertificate certificate = cluster.certificate();
        out.printf("  Certificate           SHA-256 %s%n", certificate.fingerprint());
        out.printf("                        %s, in %s (curl --cacert it)%n",
                certificate.selfSigned() ? "self-signed" : "issued by " + certificate.certificate().getIssuerX500Principal().getName(),
                certificate.certificatePem());
        out.printf("  SIP trunk, registrar  %s:%d UDP and TCP (Kamailio dispatcher)%n", ip, frontends.sip());
        NodeCertificate sip = cluster.sipCertificate();
        out.printf("  SIP over TLS          %s:%d (Kamailio, TLS 1.2 or later), certificate SHA-256 %s%n", ip, frontends.sipTls(), sip.fingerprint());
        out.printf("                        %s, in %s%n",
                sip.selfSigned() ? "self-signed" : "issued by " + sip.certificate().getIssuerX500Principal().getName(), sip.certificatePem());
        if (cluster.hasSoftphoneEdge()) {
            out.printf("  Browser softphone     %s (haproxy to the softphone edge: Kamailio, rtpengine)%n",
                    io.verbund.acd.lbconfig.kamailio.SoftphoneEdgeConfig.clusterWebSocketUrl(topology));
        }
        out.printf("  Databases             writes %s:%d (%s, backup %s, no automatic failback)%n", ip, frontends.dbMaster(),
                topology.primaryMaster().name(), topology.backupMaster().name());
        out.printf("                        realtime %s:%d, reporting %s:%d%n", ip, frontends.dbRealtime(), ip, frontends.dbReporting());
        out.printf("  haproxy stats         http://%s:%d/%n", ip, frontends.haproxyStats());
        out.printf("  Generated configs     %s%n", cluster.root().resolve("config"));
        out.printf("  Data and logs         %s%n", cluster.root());
        out.println();
        cluster.firstAdminPassword().ifPresentOrElse(password -> {
            out.println("  First system administrator (created now; the password is shown only this once, the database");
            out.println("  keeps its hash only):");
            out.printf("      login %s   password %s%n", SystemAdmin.LOGIN, password);
            out.println("  Log in to the portal with it and create the tenants; ./verbund admin reset-password sets a new one.");
        }, () -> out.println(cluster.demo()
                ? "  --demo: the logins are the demo's published ones (./verbund demo prints them): sysadmin / system-admin, admin@demo / demo-admin, ..."
                : "  System administrator: " + SystemAdmin.LOGIN + " (its password was printed at the first start;"
                        + " ./verbund admin reset-password sets a new one)"));
        out.println("  ./verbund status      each component, replication lag, the active master");
        out.println("  ./verbund failback    writes back to " + topology.primaryMaster().name() + " after a failover (docs/operations.md)");
        out.println();
        out.println("Ctrl-C here, or ./verbund stop in another shell, stops everything.");
    }
}
