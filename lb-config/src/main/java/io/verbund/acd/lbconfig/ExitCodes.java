package io.verbund.acd.lbconfig;

/**
 * lb-config's exit codes, one per kind of failure so scripts can react: fix the command line (2),
 * fix the topology file (3), fix the disk or permissions (4), fix the generated configuration or its
 * generator (5). The {@code *_HELP} lines feed {@code --help}.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** A bug: an unexpected exception. */
    public static final int INTERNAL_ERROR = 1;
    /** Wrong or missing arguments, or an input file that cannot be read. */
    public static final int USAGE = 2;
    /** The topology breaks a rule; the message names file:line:column and field. */
    public static final int INVALID_TOPOLOGY = 3;
    /** The output directory cannot be written; an existing one is left as it was. */
    public static final int CANNOT_WRITE_OUTPUT = 4;
    /** At least one validator rejected a generated file. */
    public static final int VALIDATION_FAILED = 5;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_HELP = "0:success";
    static final String INTERNAL_ERROR_HELP = "1:internal error (a bug in lb-config)";
    static final String USAGE_HELP = "2:usage: wrong arguments or an unreadable input file";
    static final String INVALID_TOPOLOGY_HELP = "3:invalid topology (the message names file:line:column and field)";
    static final String CANNOT_WRITE_OUTPUT_HELP = "4:cannot write the output directory (nothing was changed)";
    static final String VALIDATION_FAILED_HELP = "5:a validator rejected a generated file";

    private ExitCodes() {
    }
}
