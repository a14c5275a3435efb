package io.verbund.acd.launcher;

import java.io.PrintStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code verbund status}: what runs, on which ports, and how healthy each service is. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows whether Verbund ACD (demo or cluster) runs and how healthy its parts are; for a cluster also replication and the active master.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() {
        PrintStream out = verbund.out();
        ClusterLayout cluster = new ClusterLayout(locations.clusterHome());
        boolean clusterRuns = cluster.isCluster() && new DemoHome(cluster.root()).isLocked();
        if (clusterRuns || (locations.chosenHome().isPresent() && cluster.isCluster())) {
            return new ClusterStatus(cluster, locations.installation()).print(out) ? ExitCode.OK.code()
                    : clusterRuns ? ExitCode.FAILED.code() : ExitCode.NOT_RUNNING.code();
        }
        DemoHome home = locations.home();
        Optional<ProcessRecord> record = ProcessRecord.read(home.processRecordFile());
        if (record.isEmpty() || !home.isLocked()) {
            out.println("Verbund ACD is not running (home " + home.root() + ").");
            return ExitCode.NOT_RUNNING.code();
        }
        ProcessRecord running = record.get();
        out.println("Verbund ACD runs from " + home.root() + " since " + running.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        out.println("  launcher   pid " + running.launcherPid() + alive(OptionalLong.of(running.launcherPid())));
        out.println("  MariaDB    pid " + text(running.databasePid()) + alive(running.databasePid())
                + ", port " + running.databasePort());
        out.println("  WildFly    pid " + text(running.wildflyPid()) + alive(running.wildflyPid())
                + ", portal " + running.portalUrl());
        ServiceHealth health = new ServiceHealth(new NodePorts(running.portOffset()));
        boolean allUp = true;
        for (ServiceHealth.Endpoint endpoint : health.endpoints()) {
            ServiceHealth.Answer answer = health.probe(endpoint);
            allUp &= answer.up();
            out.printf("  %-17s %-5s %s (HTTP %d)%n", endpoint.service(), answer.up() ? "UP" : "DOWN", endpoint.uri(), answer.status());
        }
        allUp &= new SoftphoneEdgeStatus(home, new NodePorts(running.portOffset())).print(out, running.startedAt());
        return allUp ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private static String text(OptionalLong pid) {
        return pid.isPresent() ? Long.toString(pid.getAsLong()) : "-";
    }

    private static String alive(OptionalLong pid) {
        boolean alive = pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
        return alive ? " (running)" : " (not running)";
    }
}
