package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbund.acd.lbconfig.LbConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lb-config's WildFly scripts have no offline validator of their own; this applies them with the
 * real jboss-cli (embed-server) to a copy of the node this build made, on top of its Verbund
 * configuration, and reads back what they set.
 */
class GeneratedNodeScriptIT {

    @TempDir
    Path work;

    @Test
    void theGeneratedScriptOfEachNodeAppliesToTheBuiltNodeAndSetsItsClusterAndDatabaseAddresses() throws Exception {
        Path out = work.resolve("generated");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
        int generated = LbConfig.run(print, print, "generate",
                "--topology", TestNodes.repository().resolve("lb-config/src/main/resources/io/verbund/acd/lbconfig/local.yaml").toString(),
                "--out", out.toString(), "--run-dir", work.resolve("run").toString(), "--data-dir", work.resolve("data").toString());
        assertThat(generated).as(messages.toString(StandardCharsets.UTF_8)).isZero();

        for (String node : List.of("node-a", "node-b")) {
            String applied = apply(out.resolve("wildfly/" + node + ".cli"), node);

            assertThat(applied).doesNotContain("\"outcome\" => \"failed\"");
            assertThat(applied).contains("\"verbund-seed-1\",", "\"verbund-seed-2\"");
            assertThat(applied).contains("jdbc:mariadb://127.0.0.1:3306/verbund?sslMode=verify-full&serverSslCert=/etc/verbund/tls/ca.pem");
            assertThat(applied).contains(node.equals("node-a") ? "\"5160\"" : "\"5260\"");
            // The cluster traffic encrypted with the cluster's key, directly under NAKACK4 (joins and views included).
            assertThat(Files.readString(work.resolve("base-" + node + "/configuration/standalone-ha.xml")))
                    .containsPattern("(?s)<protocol type=\"VERIFY_SUSPECT2\"/>\\s*<encrypt-protocol type=\"SYM_ENCRYPT\""
                            + " key-alias=\"verbund-cluster-cache\" key-store=\"verbund-cluster-cache\">.*?</encrypt-protocol>\\s*<protocol type=\"NAKACK4\"/>")
                    .contains("<key-store name=\"verbund-cluster-cache\">");
        }
        Path builtConfig = TestNodes.installation().wildflyHome().resolve("standalone/configuration/standalone-ha.xml");
        assertThat(Files.readString(builtConfig)).as("the built node itself is untouched").doesNotContain("verbund-seed-2");
    }

    /** Runs the script against a copy of the built node's standalone folder; returns what jboss-cli printed. */
    private String apply(Path script, String node) throws IOException, InterruptedException {
        Path wildfly = TestNodes.installation().wildflyHome();
        Path base = work.resolve("base-" + node);
        copy(wildfly.resolve("standalone"), base);
        Path checks = work.resolve(node + "-apply.cli");
        Files.writeString(checks, "embed-server --server-config=standalone-ha.xml --std-out=discard\n"
                + Files.readString(script) + "\n"
                + "/system-property=verbund.db.master.url:read-attribute(name=value)\n"
                + "/system-property=verbund.sip.port:read-attribute(name=value)\n"
                + "/subsystem=jgroups/stack=tcp/protocol=TCPPING:read-attribute(name=socket-bindings)\n"
                + "stop-embedded-server\n");
        ProcessBuilder builder = new ProcessBuilder("bash", wildfly.resolve("bin/jboss-cli.sh").toString(), "--file=" + checks)
                .redirectErrorStream(true);
        builder.environment().put("JAVA_OPTS", "-Xmx512m -Djboss.server.base.dir=" + base);
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as("jboss-cli on %s:%n%s", script, output).isZero();
        return output;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
