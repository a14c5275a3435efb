package io.verbund.acd.lbconfig.topology;

import java.util.Set;

/**
 * One WildFly node of the Verbund. Its ports are WildFly's defaults shifted by {@code portOffset}
 * ({@code jboss.socket.binding.port-offset}), exactly as the launcher's {@code NodePorts} does, so
 * several nodes can share one host.
 */
public record AcdNode(String name, String host, int portOffset, Set<NodeRole> roles) {

    /** The largest offset that keeps the highest derived port (management, 9990) within 65535. */
    public static final int MAX_PORT_OFFSET = 65535 - 9990;

    public AcdNode {
        roles = Set.copyOf(roles);
    }

    public Endpoint http() {
        return new Endpoint(host, 8080 + portOffset);
    }

    /** The telephony server's SIP port (UDP and TCP). */
    public Endpoint sip() {
        return new Endpoint(host, 5060 + portOffset);
    }

    public Endpoint management() {
        return new Endpoint(host, 9990 + portOffset);
    }

    /** JGroups TCP: the cluster membership port the TCPPING seed list names. */
    public Endpoint jgroups() {
        return new Endpoint(host, 7600 + portOffset);
    }

    public boolean has(NodeRole role) {
        return roles.contains(role);
    }
}
