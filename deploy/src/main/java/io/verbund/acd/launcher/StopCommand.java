package io.verbund.acd.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code verbund stop}: asks the running launcher to stop (it stops WildFly, then MariaDB), and
 * makes sure afterwards that no process it had started is left, even if the launcher itself died.
 */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops a running Verbund ACD and everything it started.")
final class StopCommand implements Callable<Integer> {

    @Mixin
    Verbund.Locations locations = new Verbund.Locations();

    @ParentCommand
    Verbund verbund;

    @Override
    public Integer call() {
        PrintStream out = verbund.out();
        ClusterLayout cluster = new ClusterLayout(locations.clusterHome());
        if (cluster.isCluster() && (ClusterRecord.read(cluster.record()).isPresent() || new DemoHome(cluster.root()).isLocked())) {
            return stopCluster(out, cluster);
        }
        DemoHome home = locations.home();
        Optional<ProcessRecord> record = ProcessRecord.read(home.processRecordFile());
        if (record.isEmpty() && !home.isLocked()) {
            out.println("Verbund ACD is not running (nothing recorded in " + home.runDir() + ").");
            return ExitCode.OK.code();
        }
        if (record.isPresent()) {
            ProcessRecord running = record.get();
            stop(out, "launcher", running.launcherPid(), "io.verbund.acd.launcher", Duration.ofSeconds(120));
            running.wildflyPid().ifPresent(pid -> stop(out, "WildFly", pid, home.root().toString(), Duration.ofSeconds(60)));
            running.databasePid().ifPresent(pid -> stop(out, "MariaDB", pid, home.root().toString(), Duration.ofSeconds(30)));
        }
        if (home.isLocked()) {
            out.println("Something still holds " + home.runDir().resolve("verbund.lock") + "; see ./verbund status.");
            return ExitCode.FAILED.code();
        }
        try {
            java.nio.file.Files.deleteIfExists(home.processRecordFile());
        } catch (java.io.IOException e) {
            out.println("Could not remove " + home.processRecordFile() + ": " + e.getMessage());
        }
        out.println("Verbund ACD stopped. Data kept in " + home.root());
        return ExitCode.OK.code();
    }

    /** The cluster launcher stops its parts in order; anything it left (it was killed) is stopped here. */
    private static int stopCluster(PrintStream out, ClusterLayout cluster) {
        DemoHome home = new DemoHome(cluster.root());
        ClusterRecord.read(cluster.record()).ifPresent(running -> {
            stop(out, "cluster launcher", running.launcherPid(), "io.verbund.acd.launcher", Duration.ofSeconds(180));
            running.pids().forEach((component, pid) -> stop(out, component, pid, cluster.root().toString(), Duration.ofSeconds(60)));
        });
        if (home.isLocked()) {
            out.println("Something still holds " + home.runDir().resolve("verbund.lock") + "; see ./verbund status.");
            return ExitCode.FAILED.code();
        }
        try {
            java.nio.file.Files.deleteIfExists(cluster.record());
        } catch (java.io.IOException e) {
            out.println("Could not remove " + cluster.record() + ": " + e.getMessage());
        }
        out.println("Verbund ACD cluster stopped. Data kept in " + cluster.root());
        return ExitCode.OK.code();
    }

    /** Stops a recorded process, but only if its command line still shows it is ours ({@link ManagedProcess#ours}). */
    private static void stop(PrintStream out, String what, long pid, String mark, Duration grace) {
        Optional<ProcessHandle> process = ManagedProcess.ours(pid, mark);
        if (process.isEmpty()) {
            return;
        }
        out.println("Stopping " + what + " (pid " + pid + ") ...");
        if (ManagedProcess.terminate(process.get(), grace)) {
            out.println("  " + what + " did not stop within " + grace.toSeconds() + " s and was killed.");
        }
    }
}
