package io.verbund.acd.lbconfig.topology;

import java.util.List;

/**
 * DRBD between exactly two storage nodes (block device {@code disk} mirrored as {@code device} over
 * {@code port}), its file system at {@code path} and served as the SMB share {@code share}.
 */
public record DrbdStorage(List<StorageNode> nodes, String disk, String device, int port, String share, String path)
        implements Storage {

    public DrbdStorage {
        nodes = List.copyOf(nodes);
    }
}
