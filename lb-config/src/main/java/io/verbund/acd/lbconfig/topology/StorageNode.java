package io.verbund.acd.lbconfig.topology;

/** One side of the DRBD pair; {@code name} must be the machine's host name (DRBD matches on it). */
public record StorageNode(String name, String host) {
}
