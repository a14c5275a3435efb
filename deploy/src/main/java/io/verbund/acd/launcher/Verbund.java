package io.verbund.acd.launcher;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./verbund}: the one command a newcomer needs. Runs in-process for tests through
 * {@link #run(PrintStream, PrintStream, String...)}, which returns the exit code instead of exiting.
 */
@Command(name = "verbund", mixinStandardHelpOptions = true, versionProvider = Verbund.Version.class,
        description = "Starts, stops and shows a Verbund ACD on this machine.",
        subcommands = {DemoCommand.class, ClusterCommand.class, StopCommand.class, StatusCommand.class, FailbackCommand.class, RestartCommand.class, AdminCommand.class,
                BackupCommand.class, RestoreCommand.class, BenchCommand.class})
public final class Verbund implements Runnable {

    /** Where the built node lives and where a run writes: shared by every subcommand. */
    static final class Locations {
        @Option(names = "--home", description = "Folder for databases, logs and state (default: $VERBUND_HOME, or var/demo resp. var/cluster in the checkout).")
        Path home;

        @Option(names = "--node", hidden = true, description = "The built node (default: deploy/target/verbund-node).")
        Path node;

        DemoHome home() {
            return new DemoHome(chosenHome().orElse(repository().resolve("var/demo")));
        }

        /** The cluster's home: --home or $VERBUND_HOME when given, else var/cluster in the checkout. */
        Path clusterHome() {
            return chosenHome().orElse(repository().resolve("var/cluster"));
        }

        /** Only what the user chose; empty means each command's default. */
        java.util.Optional<Path> chosenHome() {
            if (home != null) {
                return java.util.Optional.of(home);
            }
            String fromEnvironment = System.getenv("VERBUND_HOME");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return java.util.Optional.of(Path.of(fromEnvironment));
            }
            return java.util.Optional.empty();
        }

        Installation installation() {
            return Installation.at(node != null ? node : repository().resolve("deploy/target/verbund-node"));
        }

        /** The checkout the launcher runs from (the {@code verbund} script passes it). */
        static Path repository() {
            return Path.of(System.getProperty("verbund.repository", ".")).toAbsolutePath().normalize();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {text()};
        }

        static String text() {
            String version = Verbund.class.getPackage().getImplementationVersion();
            return "Verbund ACD " + (version == null ? "development" : version);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private Verbund(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine commandLine = new CommandLine(new Verbund(out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExitCodeExceptionMapper(e -> e instanceof LaunchFailure failure ? failure.exitCode().code()
                        : e instanceof CommandLine.ParameterException ? ExitCode.USAGE.code() : ExitCode.FAILED.code())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof LaunchFailure failure) {
                        err.println(failure.getMessage());
                        return failure.exitCode().code();
                    }
                    err.println("verbund: " + e);
                    return ExitCode.FAILED.code();
                });
        return commandLine.execute(args);
    }
}
