package io.verbund.acd.launcher;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verbund admin}: the installation's system administrator, from the shell of the machine that runs it. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Manages the system administrator of a running cluster or demo.",
        subcommands = AdminCommand.ResetPassword.class)
final class AdminCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    Verbund verbund;

    @Override
    public void run() {
        spec.commandLine().usage(verbund.out());
    }

    /**
     * Sets a new generated password, printed once, for a system administrator (creating
     * {@value SystemAdmin#LOGIN} when there is none). Whoever may read the home's secrets may do
     * this: the database password it connects with is in there.
     */
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = {"Gives a system administrator a new generated password and prints it once;",
                    "creates 'sysadmin' when there is no system administrator. The cluster or demo must be running."})
    static final class ResetPassword implements Callable<Integer> {

        @Mixin
        Verbund.Locations locations = new Verbund.Locations();

        @Option(names = "--login", description = "The system administrator's login (default: ${DEFAULT-VALUE}).")
        String login = SystemAdmin.LOGIN;

        @ParentCommand
        AdminCommand admin;

        @Override
        public Integer call() throws SQLException {
            PrintStream out = admin.verbund.out();
            Optional<Database> database = runningDatabase();
            if (database.isEmpty()) {
                admin.verbund.err().println("No running Verbund ACD in " + locations.clusterHome() + " or " + locations.home().root()
                        + "; start it first (./verbund cluster or ./verbund demo).");
                return ExitCode.NOT_RUNNING.code();
            }
            String password;
            try (Connection db = DriverManager.getConnection(database.get().url(), MariaDbServer.USER, database.get().password())) {
                password = SystemAdmin.resetPassword(db, login);
            }
            out.println("New password of " + login + " (shown only now; the database keeps its hash only):");
            out.println("    " + password);
            return ExitCode.OK.code();
        }

        /** The cluster's write frontend, or the demo's own server, with the application user's password of that home. */
        private Optional<Database> runningDatabase() {
            ClusterLayout cluster = new ClusterLayout(locations.clusterHome());
            if (cluster.isRunning()) {
                var topology = cluster.readTopology();
                DemoHome home = new DemoHome(cluster.root());
                return Optional.of(new Database(cluster.masterUrl(topology, MariaDbServer.DATABASE), home.databasePassword()));
            }
            DemoHome home = locations.home();
            return ProcessRecord.read(home.processRecordFile()).filter(record -> home.isLocked())
                    .map(record -> new Database(MariaDbServer.jdbcUrl(record.databasePort()), home.databasePassword()));
        }
    }

    private record Database(String url, String password) {
    }
}
