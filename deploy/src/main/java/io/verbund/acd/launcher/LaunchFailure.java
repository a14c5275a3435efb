package io.verbund.acd.launcher;

/** A start or stop that cannot go on, with the message a user reads and the exit code scripts see. */
public class LaunchFailure extends RuntimeException {

    private final ExitCode exitCode;

    public LaunchFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public LaunchFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
