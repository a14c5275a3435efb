package io.verbund.acd.lbconfig.topology;

/** Master (takes writes; two of them replicate each other) or replica (read-only, fed by one master). */
public enum DatabaseRole {
    MASTER, REPLICA;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
