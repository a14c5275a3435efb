package io.verbund.acd.lbconfig;

/** A command that cannot go on: the message a user reads and the exit code a script sees. */
final class LbConfigFailure extends RuntimeException {

    private final int exitCode;

    LbConfigFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
