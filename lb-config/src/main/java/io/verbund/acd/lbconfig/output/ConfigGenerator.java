package io.verbund.acd.lbconfig.output;

import io.verbund.acd.lbconfig.topology.Topology;
import java.util.List;

/**
 * One kind of configuration (haproxy, Kamailio, MariaDB, ...). Generators only compute text: nothing
 * touches the disk until every generator has succeeded, so a failing one leaves no half-written output.
 */
@FunctionalInterface
public interface ConfigGenerator {

    List<GeneratedFile> generate(Topology topology, GenerationSettings settings);
}
