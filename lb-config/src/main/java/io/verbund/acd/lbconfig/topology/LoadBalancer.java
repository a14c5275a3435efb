package io.verbund.acd.lbconfig.topology;

/** One machine of the Pacemaker/Corosync pair that holds the virtual IP, haproxy and Kamailio. */
public record LoadBalancer(String name, String host) {
}
