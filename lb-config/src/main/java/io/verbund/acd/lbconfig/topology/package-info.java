/**
 * The cluster topology: one YAML file read into immutable records ({@link
 * io.verbund.acd.lbconfig.topology.Topology} is the root). {@link
 * io.verbund.acd.lbconfig.topology.TopologyReader} is the only way in from a file and guarantees the
 * redundancy rules of the source concept (two masters, one or two replicas by workload, two load
 * balancers, unique names and addresses); every rule broken is reported with file, line, column and
 * field.
 */
package io.verbund.acd.lbconfig.topology;
