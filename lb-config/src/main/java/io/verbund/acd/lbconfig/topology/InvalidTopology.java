package io.verbund.acd.lbconfig.topology;

/**
 * A topology file that breaks a rule, with the place to fix it. The message reads
 * {@code topology.yaml:14:5: databases[2].port: must be 1-65535, was 70000}: file, 1-based line and
 * column, the field as a path from the document root (list indexes from 0), and what is wrong.
 */
public final class InvalidTopology extends Exception {

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public InvalidTopology(String file, int line, int column, String field, String problem) {
        super(file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The path of the offending value, e.g. {@code databases[2].port}; empty for a YAML syntax error. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
