package io.verbund.acd.lbconfig;

import io.verbund.acd.lbconfig.sizing.Capacities;
import io.verbund.acd.lbconfig.sizing.Demand;
import io.verbund.acd.lbconfig.sizing.InvalidDemand;
import io.verbund.acd.lbconfig.sizing.Machines;
import io.verbund.acd.lbconfig.sizing.SizedTopology;
import io.verbund.acd.lbconfig.sizing.Sizer;
import io.verbund.acd.lbconfig.sizing.SizingPlan;
import io.verbund.acd.lbconfig.sizing.SizingReport;
import io.verbund.acd.lbconfig.topology.InvalidTopology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lb-config size}: the expected load in, servers per role with the reasons, database and storage
 * sizes and the figures they rest on out; with {@code --out} also a topology file for {@code generate}.
 */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = "Sizes a cluster from the expected load: nodes per role and why, database growth, storage for"
                + " recordings, with every per-node figure and where it comes from (docs/benchmarks.md or the concept)."
                + " With --out it writes a topology file that generate accepts.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.INTERNAL_ERROR_HELP, ExitCodes.USAGE_HELP, "4:cannot write the topology file"})
final class SizeCommand implements Callable<Integer> {

    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Option(names = "--agents", required = true, paramLabel = "N", description = "Agents logged in at the peak.")
    int agents;

    @Option(names = "--concurrent-calls", required = true, paramLabel = "N", description = "Calls in the system at the peak, waiting and talking.")
    int concurrentCalls;

    @Option(names = "--caps", required = true, paramLabel = "CAPS", description = "New calls a second at the peak (e.g. 2.5).")
    double callsPerSecond;

    @Option(names = "--talk-time", required = true, paramLabel = "SECONDS", description = "Average talk time of an answered call.")
    int talkSeconds;

    @Option(names = "--wait-time", required = true, paramLabel = "SECONDS",
            description = "Average time a caller spends in announcements and the queue before an agent answers.")
    int waitSeconds;

    @Option(names = "--recorded", required = true, paramLabel = "PERCENT", description = "Share of calls recorded, 0-100.")
    double recordedPercent;

    @Option(names = "--retention", required = true, paramLabel = "DAYS", description = "Days recordings are kept.")
    int retentionDays;

    @Option(names = "--web-sessions", paramLabel = "N",
            description = "Portal sessions at the peak besides supervisors and wallboards (default: one per agent).")
    Integer webSessions;

    @Option(names = "--supervisors", paramLabel = "N", defaultValue = "0", description = "Supervisor screens at the peak (default: ${DEFAULT-VALUE}).")
    int supervisors;

    @Option(names = "--wallboards", paramLabel = "N", defaultValue = "0", description = "Wallboards at the peak (default: ${DEFAULT-VALUE}).")
    int wallboards;

    @Option(names = "--calls-per-day", paramLabel = "N",
            description = "Calls on an average day, for the database and recording volume (default: 25 per agent).")
    Integer callsPerDay;

    @Option(names = "--cluster", paramLabel = "NAME", defaultValue = "verbund", description = "The cluster's name in the topology (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--first-host", paramLabel = "IPV4",
            description = "Give every server its own host, counting up from this address (virtual IP, load balancers,"
                    + " databases, nodes, storage). Default: everything on 127.0.0.1 with its own ports, for ./verbund cluster.")
    String firstHost;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the topology file here (replaced if it exists).")
    Path out;

    @ParentCommand
    LbConfig lbConfig;

    @Override
    public Integer call() {
        PrintStream print = lbConfig.out();
        SizingPlan plan;
        Machines machines;
        try {
            Demand demand = new Demand(agents, concurrentCalls, callsPerSecond, talkSeconds, waitSeconds, recordedPercent,
                    retentionDays, webSessions == null ? agents : webSessions, supervisors, wallboards,
                    callsPerDay == null ? (int) Math.min(Integer.MAX_VALUE, (long) agents * (long) Capacities.CALLS_PER_AGENT_DAY.value())
                            : callsPerDay);
            plan = new Sizer().plan(demand);
            machines = firstHost == null ? Machines.onThisMachine() : Machines.from(firstHost, plan.nodeRoles().size());
        } catch (InvalidDemand e) {
            throw new LbConfigFailure(ExitCodes.USAGE, e.getMessage());
        }
        if (!CLUSTER_NAME.matcher(cluster).matches()) {
            throw new LbConfigFailure(ExitCodes.USAGE, "--cluster: must be a lower-case name of letters, digits and '-', was '" + cluster + "'");
        }
        print.print(SizingReport.of(plan));
        if (out != null) {
            writeTopology(print, plan, machines);
        }
        return ExitCodes.OK;
    }

    private void writeTopology(PrintStream print, SizingPlan plan, Machines machines) {
        String yaml = SizedTopology.yaml(plan, cluster, machines, commandLine(plan.demand()));
        try {
            new TopologyReader().read(yaml, out.toString());
        } catch (InvalidTopology e) {
            throw new IllegalStateException("the sized topology breaks a rule: " + e.getMessage(), e);
        }
        try {
            Path absolute = out.toAbsolutePath().normalize();
            Path temporary = Files.createTempFile(absolute.getParent(), ".topology-", ".yaml");
            Files.writeString(temporary, yaml);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LbConfigFailure(ExitCodes.CANNOT_WRITE_OUTPUT, "cannot write the topology file " + out + ": " + e);
        }
        print.println();
        print.println("Topology written to " + out + " (" + plan.nodeRoles().size() + " WildFly nodes). Next: lb-config generate --topology "
                + out + " --out DIR" + (machines.onOneHost() ? ", or on this machine: ./verbund cluster --topology " + out : ""));
    }

    /** The command with every input as used (defaults filled in), so the file says how to make it again. */
    private String commandLine(Demand demand) {
        StringBuilder line = new StringBuilder("lb-config size")
                .append(" --agents ").append(demand.agents())
                .append(" --concurrent-calls ").append(demand.concurrentCalls())
                .append(" --caps ").append(plain(demand.callsPerSecond()))
                .append(" --talk-time ").append(demand.talkSeconds())
                .append(" --wait-time ").append(demand.waitSeconds())
                .append(" --recorded ").append(plain(demand.recordedPercent()))
                .append(" --retention ").append(demand.retentionDays())
                .append(" --web-sessions ").append(demand.webSessions())
                .append(" --supervisors ").append(demand.supervisors())
                .append(" --wallboards ").append(demand.wallboards())
                .append(" --calls-per-day ").append(demand.callsPerDay())
                .append(" --cluster ").append(cluster);
        if (firstHost != null) {
            line.append(" --first-host ").append(firstHost);
        }
        return line.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
