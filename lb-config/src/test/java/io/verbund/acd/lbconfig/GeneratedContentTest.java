package io.verbund.acd.lbconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.lbconfig.output.GeneratedFile;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.output.ReplicationPassword;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the generated files say about the source concept's rules, file by file. */
class GeneratedContentTest {

    private static final Path OUT = Path.of("/etc/verbund/generated");

    private static Map<String, String> files(String yaml) {
        GenerationSettings settings = new GenerationSettings(OUT, Path.of("/run/verbund"), Path.of("/var/lib/verbund/mariadb"),
                ReplicationPassword.generatedFor(Path.of("/nonexistent")));
        List<GeneratedFile> files = ClusterFiles.standard().generate(LocalTopology.parse(yaml), settings);
        return files.stream().collect(Collectors.toMap(file -> file.path().toString(), GeneratedFile::content));
    }

    private static final Map<String, String> LOCAL = files(LocalTopology.yaml());

    @Test
    void theMasterFrontendFailsOverAndNeverBack() {
        assertThat(LOCAL.get("haproxy/haproxy.cfg")).contains("""
                    stick-table type integer size 2 nopurge peers verbund
                    stick on int(1)
                    server master1 127.0.0.1:3311 check
                    server master2 127.0.0.1:3312 check backup
                """, "bind 127.0.0.1:3306", "option mysql-check user haproxy post-41",
                "default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions",
                "localpeer verbund-local-haproxy", "peer verbund-local-haproxy 127.0.0.1:10000");
    }

    @Test
    void realtimeReadsFallBackToTheReportingReplicaButReportsNeverUseTheRealtimeOne() {
        String cfg = LOCAL.get("haproxy/haproxy.cfg");
        String realtime = cfg.substring(cfg.indexOf("listen db_realtime"), cfg.indexOf("listen db_reporting"));
        String reporting = cfg.substring(cfg.indexOf("listen db_reporting"), cfg.indexOf("frontend http"));

        assertThat(realtime).contains("bind 127.0.0.1:3307", "server replica1 127.0.0.1:3313 check on-marked-up shutdown-backup-sessions",
                "server replica2 127.0.0.1:3314 check backup").doesNotContain("stick-table", "stick on");
        assertThat(reporting).contains("bind 127.0.0.1:3308", "server replica2 127.0.0.1:3314 check\n")
                .doesNotContain("replica1", "backup", "stick-table", "stick on");
        assertThat(cfg).contains("# reporting statistics: replica2 first, no fallback: while it is down these reads fail");
    }

    @Test
    void httpsEndsAtHaproxyWithTheGivenCertificateAndPlainHttpOnlyRedirects() {
        String cfg = LOCAL.get("haproxy/haproxy.cfg");
        String http = cfg.substring(cfg.indexOf("frontend http\n"), cfg.indexOf("frontend https\n"));
        String https = cfg.substring(cfg.indexOf("frontend https\n"), cfg.indexOf("\nbackend web"));

        assertThat(cfg).contains("ssl-default-bind-options ssl-min-ver TLSv1.2");
        assertThat(http).contains("bind 127.0.0.1:8080",
                "http-request redirect location https://%[var(req.host)]:8443%[capture.req.uri] code 308")
                .doesNotContain("default_backend", "use_backend");
        assertThat(https).contains("bind 127.0.0.1:8443 ssl crt /etc/verbund/tls/certificate-and-key.pem alpn h2,http/1.1",
                "http-request set-header X-Forwarded-Proto https",
                "http-response set-header Strict-Transport-Security \"max-age=31536000\"", "default_backend web");
    }

    @Test
    void webSessionsStickToAHealthyNode() {
        assertThat(LOCAL.get("haproxy/haproxy.cfg")).contains("option httpchk GET /api/v1/health", "http-check expect status 200",
                "cookie SERVERID insert indirect nocache secure httponly", "server node-a 127.0.0.1:8180 check cookie node-a",
                "server node-b 127.0.0.1:8280 check cookie node-b", "bind 127.0.0.1:8080", "bind 127.0.0.1:8404",
                "stats socket /run/verbund/haproxy.sock mode 600 level admin");
    }

    @Test
    void theNodesBelieveTheClientAddressOnlyFromHaproxyWhichWritesItItself() {
        String web = LOCAL.get("haproxy/haproxy.cfg").substring(LOCAL.get("haproxy/haproxy.cfg").indexOf("frontend https"));
        assertThat(web).contains("http-request del-header X-Forwarded-For\n    option forwardfor\n",
                "http-request set-header X-Forwarded-Proto https", "http-response replace-header Set-Cookie (.*) \"\\1; Secure\"");
        assertThat(LOCAL.get("wildfly/node-a.cli")).contains("/system-property=verbund.http.trusted-proxies", "value=\"127.0.0.1\"",
                "write-attribute(name=proxy-address-forwarding, value=false)",
                "/system-property=verbund.telephony.register.trusted-proxies").doesNotContain("proxy-address-forwarding, value=true");
    }

    @Test
    void kamailioWaitsForRingingAndFailsOver() {
        assertThat(LOCAL.get("kamailio/kamailio.cfg")).contains("listen=udp:127.0.0.1:5060", "listen=tcp:127.0.0.1:5060",
                "modparam(\"tm\", \"fr_timer\", 2000)", "t_set_fr(120000, 2000);", "ds_select_dst(\"1\", \"0\")",
                "t_check_status(\"503|408\") || t_branch_timeout()", "ds_mark_dst(\"ip\");", "ds_next_dst()",
                "if ($rs == 100) {", "loose_route()", "record_route();", "modparam(\"dispatcher\", \"ds_probing_mode\", 1)",
                "modparam(\"dispatcher\", \"list_file\", \"/etc/verbund/generated/kamailio/dispatcher.list\")");
        assertThat(LOCAL.get("kamailio/dispatcher.list")).contains("1 sip:127.0.0.1:5160 8 0 duid=node-a",
                "1 sip:127.0.0.1:5260 8 0 duid=node-b");
    }

    @Test
    void kamailioEndsSipOverTlsBesideTheSipPortWithTls12OrLaterAndTheVirtualIpsCertificate() {
        assertThat(LOCAL.get("kamailio/kamailio.cfg")).contains("enable_tls=yes", "listen=tls:127.0.0.1:5061", "loadmodule \"tls.so\"",
                "modparam(\"tls\", \"config\", \"/etc/verbund/generated/kamailio/tls.cfg\")");
        String pem = GenerationSettings.DEFAULT_TLS_CERTIFICATE.toString();
        assertThat(LOCAL.get("kamailio/tls.cfg")).contains("""
                [server:default]
                method = TLSv1.2+
                certificate = %1$s
                private_key = %1$s
                cipher_list = ECDHE+AESGCM:ECDHE+CHACHA20
                verify_certificate = no
                require_certificate = no
                """.formatted(pem), """
                [client:default]
                method = TLSv1.2+
                cipher_list = ECDHE+AESGCM:ECDHE+CHACHA20
                verify_certificate = yes
                require_certificate = yes
                ca_path = /etc/ssl/certs
                """).doesNotContain("TLSv1+", "TLSv1.1");
        assertThat(files(LocalTopology.with("sip: 5060", "sip: 5060\n  sipTls: 5071")).get("kamailio/kamailio.cfg"))
                .contains("listen=tls:127.0.0.1:5071").doesNotContain(":5061");
    }

    @Test
    void kamailioPresentsItsOwnCertificateWhenGivenOne() {
        GenerationSettings settings = new GenerationSettings(OUT, Path.of("/run/verbund"), Path.of("/var/lib/verbund/mariadb"),
                ReplicationPassword.generatedFor(Path.of("/nonexistent")), GenerationSettings.DEFAULT_TLS_DIR,
                Path.of("/etc/verbund/tls/https.pem"), Path.of("/etc/verbund/tls/sip.pem"));
        Map<String, String> files = ClusterFiles.standard().generate(LocalTopology.local(), settings).stream()
                .collect(Collectors.toMap(file -> file.path().toString(), GeneratedFile::content));

        assertThat(files.get("kamailio/tls.cfg")).contains("certificate = /etc/verbund/tls/sip.pem", "private_key = /etc/verbund/tls/sip.pem")
                .doesNotContain("https.pem");
        assertThat(files.get("haproxy/haproxy.cfg")).contains("crt /etc/verbund/tls/https.pem").doesNotContain("sip.pem");
    }

    @Test
    void mastersInterleaveAutoIncrementAndReplicasAreReadOnly() {
        assertThat(LOCAL.get("mariadb/master1.cnf")).contains("server_id = 1", "gtid_domain_id = 1", "port = 3311",
                "bind-address = 127.0.0.1", "auto_increment_increment = 2", "auto_increment_offset = 1",
                "log_slave_updates = ON", "binlog_format = ROW", "skip_name_resolve = ON",
                "socket = /var/lib/verbund/mariadb/master1/mariadbd.sock").doesNotContain("read_only");
        assertThat(LOCAL.get("mariadb/master2.cnf")).contains("auto_increment_offset = 2");
        for (String master : List.of("master1", "master2")) {
            assertThat(LOCAL.get("mariadb/" + master + ".cnf")).as(master).contains("rpl_semi_sync_master_enabled = ON",
                    "rpl_semi_sync_master_wait_point = AFTER_SYNC", "rpl_semi_sync_slave_enabled = ON");
        }
        assertThat(LOCAL.get("mariadb/replica1.cnf")).contains("read_only = ON", "server_id = 3", "innodb_buffer_pool_size = 128M")
                .doesNotContain("auto_increment", "rpl_semi_sync");
    }

    @Test
    void eachServerReadsFromItsSource() {
        assertThat(LOCAL.get("mariadb/replication-master1.sql")).contains("MASTER_PORT=3312");
        assertThat(LOCAL.get("mariadb/replication-master2.sql")).contains("MASTER_PORT=3311");
        assertThat(LOCAL.get("mariadb/replication-replica1.sql")).contains("MASTER_PORT=3311");
        assertThat(LOCAL.get("mariadb/replication-replica2.sql")).contains("MASTER_PORT=3312",
                "SET sql_log_bin = 0;", "CREATE USER IF NOT EXISTS 'haproxy'@'127.0.0.1';",
                "MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1,", "START SLAVE;");
    }

    @Test
    void clusterTrafficIsEncryptedWithTheClusterKeyUnderNakack() {
        assertThat(LOCAL.get("wildfly/node-b.cli")).contains(
                "/subsystem=elytron/key-store=verbund-cluster-cache:add(path=\"/etc/verbund/tls/cluster-cache.p12\", type=PKCS12,"
                        + " credential-reference={clear-text=\"${env.VERBUND_CLUSTER_KEY_PASSWORD:not-set}\"})",
                "/subsystem=jgroups/stack=tcp/protocol=SYM_ENCRYPT:add(add-index=5, key-store=verbund-cluster-cache,"
                        + " key-alias=verbund-cluster-cache, key-credential-reference={clear-text=\"${env.VERBUND_CLUSTER_KEY_PASSWORD:not-set}\"})");
    }

    @Test
    void databaseTrafficIsTlsVerifiedAgainstTheClusterCa() {
        assertThat(LOCAL.get("mariadb/replica1.cnf")).contains("ssl_ca = /etc/verbund/tls/ca.pem",
                "ssl_cert = /etc/verbund/tls/db-replica1-cert.pem", "ssl_key = /etc/verbund/tls/db-replica1-key.pem",
                "tls_version = TLSv1.2,TLSv1.3").doesNotContain("skip-ssl", "skip_ssl");
        assertThat(LOCAL.get("mariadb/replication-replica1.sql"))
                .contains("MASTER_SSL=1, MASTER_SSL_CA='/etc/verbund/tls/ca.pem', MASTER_SSL_VERIFY_SERVER_CERT=1;")
                .containsPattern("CREATE USER IF NOT EXISTS 'replication'@'127.0.0.1' IDENTIFIED BY '[^']+' REQUIRE SSL;")
                .containsPattern("ALTER USER 'replication'@'127.0.0.1' IDENTIFIED BY '[^']+' REQUIRE SSL;")
                .contains("CREATE USER IF NOT EXISTS 'haproxy'@'127.0.0.1';");
        assertThat(LOCAL.get("wildfly/node-a.cli")).contains(
                "/system-property=verbund.db.master.url:add(value=\"jdbc:mariadb://127.0.0.1:3306/verbund?sslMode=verify-full&serverSslCert=/etc/verbund/tls/ca.pem\")");
    }

    @Test
    void everyNodeSeesAllSeedsAndTheDatabaseFrontends() {
        assertThat(LOCAL.get("wildfly/node-b.cli")).contains("initial_hosts=127.0.0.1[7700],127.0.0.1[7800]",
                "/system-property=verbund.db.master.url:add(value=\"jdbc:mariadb://127.0.0.1:3306/verbund?",
                "/system-property=verbund.db.realtime.url:add(value=\"jdbc:mariadb://127.0.0.1:3307/verbund?",
                "/system-property=verbund.db.reporting.url:add(value=\"jdbc:mariadb://127.0.0.1:3308/verbund?",
                "data-source=AcdMasterDS", "data-source=AcdRealtimeDS", "data-source=AcdReportingDS",
                "socket-bindings=[verbund-seed-1, verbund-seed-2]",
                "/system-property=verbund.sip.port:add(value=\"5260\")",
                "-Djboss.socket.binding.port-offset=200");
    }

    @Test
    void thePacemakerGroupKeepsEveryServiceWithTheVirtualIp() {
        String cib = LOCAL.get("pacemaker/cib.xml");
        assertThat(cib).contains("<node id=\"1\" uname=\"lb1\"/>", "<node id=\"2\" uname=\"lb2\"/>",
                "type=\"IPaddr2\"", "class=\"systemd\" type=\"haproxy\"", "class=\"systemd\" type=\"kamailio\"",
                "class=\"systemd\" type=\"smbd\"", "name=\"no-quorum-policy\" value=\"ignore\"", "resource-stickiness");
        assertThat(cib.indexOf("type=\"IPaddr2\"")).isLessThan(cib.indexOf("type=\"haproxy\""));
        assertThat(LOCAL.get("corosync/corosync.conf")).contains("cluster_name: verbund-local", "transport: knet",
                "crypto_cipher: aes256", "crypto_hash: sha256", "two_node: 1", "name: lb2", "nodeid: 2");
    }

    @Test
    void drbdProtectsAgainstSplitBrain() {
        assertThat(LOCAL.get("storage/drbd/verbund.res")).contains("resource verbund {", "protocol C;",
                "after-sb-0pri discard-zero-changes;", "after-sb-1pri discard-secondary;", "after-sb-2pri disconnect;",
                "fencing resource-only;", "fence-peer ", "unfence-peer ", "on storage2 {", "address 10.0.0.22:7789;",
                "device /dev/drbd0;", "disk /dev/vdb;", "meta-disk internal;");
        assertThat(LOCAL.get("storage/samba/smb.conf")).contains("[verbund]", "path = /srv/verbund", "smb encrypt = required",
                "valid users = @verbund", "server role = standalone server");
    }

    @Test
    void aMountedShareGetsAMountUnitInsteadOfDrbdAndSamba() {
        String yaml = LocalTopology.yaml();
        Map<String, String> files = files(yaml.substring(0, yaml.indexOf("storage:"))
                + "storage:\n  kind: mount\n  source: //nas.example.org/verbund\n  path: /srv/verbund-files\n"
                + "sizing:\n  agents: 10\n  concurrentCalls: 5\n");

        assertThat(files).containsKey("storage/mount/srv-verbund\\x2dfiles.mount").doesNotContainKeys(
                "storage/drbd/verbund.res", "storage/samba/smb.conf");
        assertThat(files.get("storage/mount/srv-verbund\\x2dfiles.mount")).contains("What=//nas.example.org/verbund",
                "Where=/srv/verbund-files", "Type=cifs", "credentials=/etc/verbund/storage.credentials", "vers=3.1.1", "seal");
        assertThat(files.get("pacemaker/cib.xml")).doesNotContain("smbd");
    }

    @Test
    void theReadmeListsEveryFileWithItsValidator() {
        String readme = LOCAL.get("README.txt");
        for (String path : LOCAL.keySet()) {
            assertThat(readme).contains(path);
        }
        assertThat(readme).contains("haproxy -c -f /etc/verbund/generated/haproxy/haproxy.cfg",
                "crm_verify --xml-file /etc/verbund/generated/pacemaker/cib.xml", "testparm -s");
    }
}
