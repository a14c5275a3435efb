package io.verbund.acd.lbconfig.topology;

/**
 * Where the shared files live (prompts, recordings, scripts): the two options of the source concept,
 * DRBD replicated between two machines and served over SMB, or a mount of a storage system's SMB share.
 */
public sealed interface Storage permits DrbdStorage, MountStorage {

    /** The local directory the nodes use: the DRBD file system or the mount point. */
    String path();
}
