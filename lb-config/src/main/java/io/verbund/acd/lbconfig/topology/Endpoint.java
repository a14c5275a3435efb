package io.verbund.acd.lbconfig.topology;

/** An IPv4 address and a TCP/UDP port: what a server line, a JDBC URL or a SIP URI points at. */
public record Endpoint(String host, int port) {

    public Endpoint {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
