package io.verbund.acd.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The load-balancer pair lb-config generates, run for real: corosync and Pacemaker on lb1 and lb2
 * (each a network namespace with private mounts), the active one killed, the virtual IP, haproxy and
 * Kamailio taken over by the other. Runs {@code deploy/lbpair/try-lb-pair.sh}, which prints what the
 * client sees at the virtual IP before and after; about 40 s.
 */
class LoadBalancerPairIT {

    private static final int FAILOVER_LIMIT_SECONDS = 30;

    @Test
    void survivingLoadBalancerTakesOverTheVirtualIpHaproxyAndKamailio() throws Exception {
        assumeTrue(isRoot(), "network namespaces, a bridge and mounts need root; this build does not run as root");
        assumeTrue(kernelAllowsNetworkNamespaces(), "the kernel refused 'ip netns add' (no network namespaces here)");

        ProcessBuilder script = new ProcessBuilder(TestNodes.repository().resolve("deploy/lbpair/try-lb-pair.sh").toString(),
                "--failover-seconds", Integer.toString(FAILOVER_LIMIT_SECONDS)).redirectErrorStream(true);
        lbConfigJar().ifPresent(jar -> script.environment().put("LB_CONFIG_JAR", jar.toString()));
        Process run = script.start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("the script ends").isTrue();
        assertThat(run.exitValue()).as("exit of try-lb-pair.sh; it printed:%n%s", output).isZero();

        Matcher active = Pattern.compile("the group runs on (lb[12])").matcher(output);
        assertThat(active.find()).as(output).isTrue();
        String first = active.group(1);
        String second = first.equals("lb1") ? "lb2" : "lb1";
        // Before and after: the virtual IP's MAC in the client's ARP table is that load balancer's,
        // and the haproxy answering on it is the one whose pid file is in that load balancer's /run.
        assertThat(output).containsPattern(answeredBy(first)).containsPattern(answeredBy(second))
                .containsPattern(haproxyOf(first)).containsPattern(haproxyOf(second))
                .contains("Started " + second).contains("OFFLINE: [ " + first + " ]")
                .contains("Done: the virtual IP, haproxy and Kamailio moved from " + first + " to " + second);
        Matcher failover = Pattern.compile("(\\d+)\\.\\ds after the failure: 10\\.51\\.0\\.100 answers from " + second).matcher(output);
        assertThat(failover.find()).as(output).isTrue();
        assertThat(Integer.parseInt(failover.group(1))).isLessThan(FAILOVER_LIMIT_SECONDS);

        assertThat(command("ip", "netns", "list")).as("namespaces left behind").doesNotContain("verbund-lb");
        assertThat(command("ip", "link", "show")).as("links left behind").doesNotContain("vbr-lbpair");
    }

    private static String answeredBy(String loadBalancer) {
        return "10\\.51\\.0\\.100 answers from MAC ([0-9a-f:]{17}); " + loadBalancer + "'s eth0 is \\1";
    }

    private static String haproxyOf(String loadBalancer) {
        return "Statistics Report for pid (\\d+); " + loadBalancer + "'s haproxy: pid \\1";
    }

    private static Optional<Path> lbConfigJar() throws IOException {
        try (var files = Files.list(TestNodes.repository().resolve("lb-config/target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-cli.jar")).findFirst();
        } catch (java.nio.file.NoSuchFileException notBuilt) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() throws Exception {
        return command("id", "-u").trim().equals("0");
    }

    private static boolean kernelAllowsNetworkNamespaces() throws Exception {
        String probe = "verbund-probe-" + ProcessHandle.current().pid();
        boolean added = exit("ip", "netns", "add", probe) == 0;
        if (added) {
            exit("ip", "netns", "del", probe);
        }
        return added;
    }

    private static String command(String... command) throws Exception {
        Process process = new ProcessBuilder(withSbin(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static int exit(String... command) throws Exception {
        Process process = new ProcessBuilder(withSbin(command)).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    /** {@code ip} lives in /usr/sbin or /sbin, which a non-login PATH may lack. */
    private static String[] withSbin(String... command) {
        String[] resolved = Arrays.copyOf(command, command.length);
        for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
            if (new File(dir, command[0]).canExecute()) {
                resolved[0] = dir + "/" + command[0];
                break;
            }
        }
        return resolved;
    }
}
