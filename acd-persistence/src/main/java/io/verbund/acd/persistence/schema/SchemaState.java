package io.verbund.acd.persistence.schema;

import java.util.Objects;

/**
 * Where the schema stands after a start-up: how many migrations this run applied (0 when another
 * node got there first or nothing was pending) and the version now in force.
 *
 * @param appliedThisRun migrations applied by this call, never negative
 * @param currentVersion the highest applied version, e.g. {@code "5"}, or {@link #NO_VERSION} on an
 *                       empty database
 */
public record SchemaState(int appliedThisRun, String currentVersion) {

    /** The version of a database that no migration has touched yet. */
    public static final String NO_VERSION = "none";

    public SchemaState {
        if (appliedThisRun < 0) {
            throw new IllegalArgumentException("applied migrations cannot be negative: " + appliedThisRun);
        }
        Objects.requireNonNull(currentVersion, "current version");
    }

    /** Whether at least one migration has ever been applied. */
    public boolean hasSchema() {
        return !NO_VERSION.equals(currentVersion);
    }
}
