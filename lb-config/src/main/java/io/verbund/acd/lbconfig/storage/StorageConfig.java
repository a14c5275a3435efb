package io.verbund.acd.lbconfig.storage;

import io.verbund.acd.lbconfig.output.ConfigGenerator;
import io.verbund.acd.lbconfig.output.GeneratedFile;
import io.verbund.acd.lbconfig.output.GenerationSettings;
import io.verbund.acd.lbconfig.topology.DrbdStorage;
import io.verbund.acd.lbconfig.topology.MountStorage;
import io.verbund.acd.lbconfig.topology.Topology;
import java.util.List;

/** Picks the files for the topology's kind of storage: DRBD plus Samba, or a mount unit. */
public final class StorageConfig implements ConfigGenerator {

    @Override
    public List<GeneratedFile> generate(Topology topology, GenerationSettings settings) {
        if (topology.storage() instanceof DrbdStorage drbd) {
            return List.of(DrbdResource.file(drbd), SambaConfig.file(topology, drbd));
        }
        return List.of(MountUnit.file(topology, (MountStorage) topology.storage()));
    }
}
