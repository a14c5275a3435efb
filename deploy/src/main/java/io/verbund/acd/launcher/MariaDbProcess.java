package io.verbund.acd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starting one {@code mariadbd} from the Maven-provided binaries and waiting until it answers,
 * shared by the demo's server and the cluster's four. A first start runs a bootstrap script
 * ({@code --init-file}, owner-only, removed once the server is up) that creates its accounts.
 */
final class MariaDbProcess {

    /** Opens a connection to the server being started; fails until it accepts one. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private MariaDbProcess() {
    }

    /** Starts the server with {@code arguments}; with a bootstrap script, runs it once at this start. */
    static Process launch(Path basedir, List<String> arguments, Optional<String> bootstrapSql, Path bootstrapFile, Path output)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(basedir.resolve("bin/mariadbd").toString()));
        command.addAll(arguments);
        if (bootstrapSql.isPresent()) {
            Files.deleteIfExists(bootstrapFile);
            Files.createFile(bootstrapFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(bootstrapFile, bootstrapSql.get());
            command.add("--init-file=" + bootstrapFile);
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    }

    /** Waits until {@code connector} gets a valid connection; kills the server and fails after {@code timeout}. */
    static void awaitReady(Process process, String name, Connector connector, Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LaunchFailure(ExitCode.FAILED, name + " exited with code " + process.exitValue()
                        + " while starting; see " + log);
            }
            try (Connection connection = connector.connect()) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            MariaDbServer.sleep(Duration.ofMillis(250));
        }
        ManagedProcess.terminate(process.toHandle(), Duration.ofSeconds(30));
        throw new LaunchFailure(ExitCode.FAILED, name + " did not accept connections within " + timeout.toSeconds()
                + " s (" + (last == null ? "no answer" : last.getMessage()) + "); see " + log);
    }

    /** A secret inside a single-quoted SQL string literal. */
    static String quoted(String secret) {
        return secret.replace("\\", "\\\\").replace("'", "\\'");
    }
}
