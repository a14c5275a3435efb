package io.verbund.acd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A system program the cluster runs in the foreground as the launcher's child (haproxy, Kamailio),
 * its output appended to a log file.
 */
final class ForegroundProgram {

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    ForegroundProgram(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    void start() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new LaunchFailure(ExitCode.FAILED, name + " could not start: " + e.getMessage(), e);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Optional<Long> pid() {
        return isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    /** Fails naming the log when the program has exited. */
    void requireAlive() {
        if (!isAlive()) {
            throw new LaunchFailure(ExitCode.FAILED, name + " exited" + (process == null ? "" : " with code " + process.exitValue())
                    + "; see " + log);
        }
    }

    void stop() {
        if (isAlive()) {
            ManagedProcess.terminateTree(process.toHandle(), Duration.ofSeconds(15));
        }
        process = null;
    }
}
