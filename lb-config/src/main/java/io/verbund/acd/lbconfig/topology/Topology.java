package io.verbund.acd.lbconfig.topology;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The whole cluster as one immutable value. Read through {@link TopologyReader}, it holds exactly two
 * masters (the first listed is the one always used, the second its backup), one or two replicas
 * (each workload served first by exactly one), at least one web and one telephony node, two load
 * balancers, unique names per list and unique {@code host:port} pairs.
 */
public record Topology(String cluster, String virtualIp, Frontends frontends, List<Database> databases,
                       List<AcdNode> nodes, List<LoadBalancer> loadBalancers, Storage storage, Sizing sizing,
                       SipSecurity sipSecurity) {

    public Topology {
        databases = List.copyOf(databases);
        nodes = List.copyOf(nodes);
        loadBalancers = List.copyOf(loadBalancers);
    }

    /** The master all writes go to while it is up. */
    public Database primaryMaster() {
        return masters().get(0);
    }

    /** Takes over when the primary fails; stays active until an operator fails back. */
    public Database backupMaster() {
        return masters().get(1);
    }

    public List<Database> masters() {
        return databases.stream().filter(Database::isMaster).toList();
    }

    public List<Database> replicas() {
        return databases.stream().filter(database -> !database.isMaster()).toList();
    }

    /** The replica that serves {@code workload} first (with one replica: that one). */
    public Database firstFor(Workload workload) {
        return replicas().stream()
                .filter(replica -> replica.serves().contains(workload))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no replica serves " + workload.yamlName()));
    }

    /**
     * The other replica, used while the first for {@code workload} is down; empty with one replica
     * and for a workload that does not {@linkplain Workload#borrowsTheOtherReplica() borrow} it.
     */
    public List<Database> fallbackFor(Workload workload) {
        if (!workload.borrowsTheOtherReplica()) {
            return List.of();
        }
        Database first = firstFor(workload);
        return replicas().stream().filter(replica -> !replica.equals(first)).toList();
    }

    public Database database(String name) {
        return databases.stream()
                .filter(database -> database.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no database " + name));
    }

    public List<AcdNode> nodesWith(NodeRole role) {
        return nodes.stream().filter(node -> node.has(role)).toList();
    }

    public Endpoint frontend(int port) {
        return new Endpoint(virtualIp, port);
    }
}
