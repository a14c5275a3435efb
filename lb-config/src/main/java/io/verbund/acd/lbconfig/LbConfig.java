package io.verbund.acd.lbconfig;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lb-config}: one topology file in, the configuration of every redundant component out. Runs
 * in-process for tests through {@link #run(PrintStream, PrintStream, String...)}, which returns the
 * exit code (see {@link ExitCodes}) instead of exiting.
 */
@Command(name = "lb-config", mixinStandardHelpOptions = true, versionProvider = LbConfig.Version.class,
        description = "Sizes, generates and validates the load-balancer, SIP, database, cluster, storage and WildFly"
                + " configuration of a Verbund ACD cluster from one topology file.",
        subcommands = {GenerateCommand.class, CheckCommand.class, ValidateCommand.class, SizeCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.INTERNAL_ERROR_HELP, ExitCodes.USAGE_HELP,
                ExitCodes.INVALID_TOPOLOGY_HELP, ExitCodes.CANNOT_WRITE_OUTPUT_HELP, ExitCodes.VALIDATION_FAILED_HELP})
public final class LbConfig implements Runnable {

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LbConfig.class.getPackage().getImplementationVersion();
            return new String[] {"lb-config (Verbund ACD) " + (version == null ? "development" : version)};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private LbConfig(PrintStream out, PrintStream err) {
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
        CommandLine commandLine = new CommandLine(new LbConfig(out, err))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof LbConfigFailure failure) {
                        err.println("lb-config: " + failure.getMessage());
                        return failure.exitCode();
                    }
                    err.println("lb-config: internal error: " + e);
                    return ExitCodes.INTERNAL_ERROR;
                });
        return commandLine.execute(args);
    }
}
