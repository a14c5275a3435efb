package io.verbund.acd.lbconfig.topology;

/**
 * An SMB/CIFS share of a storage system that is redundant in itself ({@code //server/share}), mounted at
 * {@code path}; {@code credentials} is the file with the share's user and password (never in the unit).
 */
public record MountStorage(String source, String path, String credentials) implements Storage {

    /** Used when the topology leaves {@code storage.credentials} out. */
    public static final String DEFAULT_CREDENTIALS = "/etc/verbund/storage.credentials";
}
