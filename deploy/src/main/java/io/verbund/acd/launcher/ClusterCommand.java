package io.verbund.acd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verbund cluster}: the redundant topology on this machine, in the foreground, until Ctrl-C or {@code verbund stop}. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Starts the redundant topology on this machine from one topology file: MariaDB master1, master2,",
                "replica1, replica2 with replication, haproxy, Kamailio and the WildFly nodes; runs until Ctrl-C."})
final class ClusterCommand implements Callable<Integer> {

    private static final String BUILT_IN_TOPOLOGY = "/io/verbund/acd/lbconfig/local.yaml";

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @Option(names = "--topology", description = "The topology file (default: the one of the last run in --home, else lb-config's local.yaml).")
    Path topology;

    @Option(names = "--fresh", description = "Start from empty databases (removes the previous cluster data).")
    boolean fresh;

    @Option(names = "--demo", description = {"Also load the demo tenants with their published logins (admin@demo / demo-admin, ...).",
            "Without it the first start creates the system administrator 'sysadmin' with a generated password, printed once."})
    boolean demo;

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() throws IOException {
        PrintStream out = verbund.out();
        Instant begun = Instant.now();
        Path root = locations.clusterHome().toAbsolutePath().normalize();
        Cluster cluster = new Cluster(locations.installation(), root, topologyFile(root), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            out.println();
            out.println("Stopping the Verbund ACD cluster ...");
            cluster.stop();
            out.println("Stopped. Data kept in " + root);
            stopped.countDown();
        }, "verbund-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            cluster.start(fresh, demo);
        } catch (LaunchFailure e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            throw e;
        }
        new ClusterBanner(cluster).print(out, Duration.between(begun, Instant.now()));
        // Runs while the launcher lives: a node or database that dies is what the cluster is for,
        // and ./verbund status shows it.
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK.code();
    }

    private Path topologyFile(Path root) throws IOException {
        if (topology != null) {
            if (!Files.isRegularFile(topology)) {
                throw new LaunchFailure(ExitCode.USAGE, "No topology file " + topology);
            }
            return topology;
        }
        ClusterLayout layout = new ClusterLayout(root);
        if (layout.isCluster()) {
            return layout.topology();
        }
        Files.createDirectories(root);
        try (InputStream builtIn = ClusterCommand.class.getResourceAsStream(BUILT_IN_TOPOLOGY)) {
            if (builtIn == null) {
                throw new LaunchFailure(ExitCode.NOT_BUILT, "lb-config's built-in topology is missing from the class path");
            }
            Files.write(layout.topology(), builtIn.readAllBytes());
        }
        return layout.topology();
    }
}
