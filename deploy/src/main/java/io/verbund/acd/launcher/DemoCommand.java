package io.verbund.acd.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verbund demo}: the whole ACD on this machine, in the foreground, until Ctrl-C or {@code verbund stop}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts MariaDB and one WildFly with all four services and the demo tenants; runs until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    /** The node's setting for its outbound trunk (docs/operations.md, "Outbound trunk"). */
    static final String TRUNK_PROPERTY = "verbund.trunk.outbound";
    /** What the node's OutboundTrunk accepts. */
    private static final Pattern TRUNK = Pattern.compile("sips?:(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?(?:;transport=(udp|tcp))?",
            Pattern.CASE_INSENSITIVE);

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @Option(names = "--fresh", description = "Start from an empty database (removes the previous demo data).")
    boolean fresh;

    @Option(names = "--port-offset", defaultValue = "0", description = "Shift every port by this much (default: ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(names = "--db-port", description = "MariaDB's port (default: the first free one from 3316).")
    Integer databasePort;

    @Option(names = "--no-softphone", description = "Do not start the browser softphone's edge (rtpengine and Kamailio).")
    boolean noSoftphone;

    @Option(names = "--trunk", paramLabel = "<sip address>",
            description = "Outbound trunk for agents' calls out, callbacks and transfers to numbers, e.g. sip:127.0.0.1:5090 "
                    + "(a carrier, a PBX, or a SIPp standing in for one; default: none, so only inbound calls).")
    String trunk;

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() {
        PrintStream out = verbund.out();
        Instant begun = Instant.now();
        java.util.Map<String, String> properties = trunk == null ? java.util.Map.of() : java.util.Map.of(TRUNK_PROPERTY, checkedTrunk(trunk));
        Installation installation = locations.installation();
        DemoHome home = locations.home();
        NodePorts ports = new NodePorts(portOffset);
        int dbPort = databasePort != null ? databasePort : NodePorts.firstFree(3316 + portOffset);
        DemoNode node = new DemoNode(installation, home, ports, dbPort, properties, !noSoftphone && softphoneEdgeCanRun(out), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            out.println();
            out.println("Stopping Verbund ACD ...");
            node.stop();
            out.println("Stopped: WildFly and MariaDB are down. Data kept in " + home.root());
            stopped.countDown();
        }, "verbund-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            node.start(fresh);
        } catch (LaunchFailure e) {
            Runtime.getRuntime().removeShutdownHook(shutdown);
            throw e;
        }
        new ReadyBanner(installation, node).print(out, Duration.between(begun, Instant.now()));
        while (node.wildfly().isAlive()) {
            MariaDbServer.sleep(Duration.ofSeconds(1));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or ./verbund stop: the hook is stopping everything; let it finish.
            awaitQuietly(stopped);
            return ExitCode.OK.code();
        }
        out.println("WildFly stopped on its own; see " + node.wildfly().serverLog() + ". Stopping MariaDB.");
        node.stop();
        return ExitCode.FAILED.code();
    }

    /**
     * The node refuses a malformed trunk only when it deploys, a minute in and in its log; the
     * launcher says so before it starts anything.
     */
    static String checkedTrunk(String address) {
        if (!TRUNK.matcher(address).matches()) {
            throw new LaunchFailure(ExitCode.USAGE, "--trunk " + address + " is no SIP address of a host: sip:HOST[:PORT][;transport=udp|tcp], "
                    + "e.g. sip:127.0.0.1:5090");
        }
        return address;
    }

    /**
     * The softphone's edge needs Debian packages Maven cannot bring: installed as root, else the demo
     * runs without it and says how to get it (desk phones and SIPp work either way).
     */
    private static boolean softphoneEdgeCanRun(PrintStream out) {
        java.util.List<String> missing = SoftphoneEdge.missingPackages();
        if (missing.isEmpty()) {
            return true;
        }
        if (SystemPrograms.installIfRoot(missing, out) && SoftphoneEdge.missingPackages().isEmpty()) {
            return true;
        }
        out.println("The browser softphone needs " + String.join(", ", missing) + " (Debian); the demo starts without it. Install with:");
        out.println("  " + SystemPrograms.installCommand(missing));
        return false;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
