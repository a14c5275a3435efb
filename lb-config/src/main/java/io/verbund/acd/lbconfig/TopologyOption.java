package io.verbund.acd.lbconfig;

import io.verbund.acd.lbconfig.topology.InvalidTopology;
import io.verbund.acd.lbconfig.topology.Topology;
import io.verbund.acd.lbconfig.topology.TopologyReader;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --topology FILE}, shared by generate and check: reads the file or fails with the right exit code. */
final class TopologyOption {

    @Option(names = "--topology", required = true, paramLabel = "FILE", description = "The topology file (YAML).")
    Path file;

    Topology read() {
        try {
            return new TopologyReader().read(file);
        } catch (InvalidTopology e) {
            throw new LbConfigFailure(ExitCodes.INVALID_TOPOLOGY, e.getMessage());
        } catch (IOException e) {
            throw new LbConfigFailure(ExitCodes.USAGE, "cannot read the topology file " + file + ": " + e);
        }
    }
}
