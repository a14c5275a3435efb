package io.verbund.acd.launcher;

/** Distinct exit codes, so scripts can tell why the launcher stopped. */
public enum ExitCode {
    OK(0),
    FAILED(1),
    USAGE(2),
    ALREADY_RUNNING(3),
    PORT_IN_USE(4),
    NOT_RUNNING(5),
    NOT_BUILT(6),
    MISSING_PROGRAM(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
