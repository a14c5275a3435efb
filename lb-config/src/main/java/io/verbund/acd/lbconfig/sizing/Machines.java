package io.verbund.acd.lbconfig.sizing;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the sized topology puts each server. On this machine (the default) everything shares 127.0.0.1
 * with its own ports, as lb-config's local.yaml does, so {@code ./verbund cluster --topology} starts it.
 * From a first address on, every server gets its own host, counted up: the virtual IP, the two load
 * balancers, the four databases, the WildFly nodes, the two storage nodes.
 */
public final class Machines {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final String LOOPBACK = "127.0.0.1";
    /** Apart from the nodes' own ports on one host; the same steps as local.yaml. */
    private static final int NODE_PORT_OFFSET_STEP = 100;
    /** The ports a node's offset shifts, as the launcher's NodePorts and the topology's AcdNode have them. */
    private static final int[] NODE_PORTS = {8080, 8443, 9990, 9993, 8009, 7600, 4712, 4713, 5060, 5061, 5065, 8088, 8089};
    private static final int LOCAL_DATABASE_PORT = 3311;
    private static final int DATABASE_PORT = 3306;
    private static final int LOAD_BALANCERS = 2;
    private static final int DATABASES = 4;
    private static final int STORAGE_NODES = 2;

    /** The first address, or -1 for all on this machine. */
    private final long first;

    private Machines(long first) {
        this.first = first;
    }

    public static Machines onThisMachine() {
        return new Machines(-1);
    }

    /** One host each from {@code firstAddress} on; fails naming {@code --first-host} if the addresses run out. */
    public static Machines from(String firstAddress, int nodes) {
        if (!IPV4.matcher(firstAddress).matches()) {
            throw new InvalidDemand("first-host", "must be an IPv4 address, was '" + firstAddress + "'");
        }
        long value = 0;
        for (String part : firstAddress.split("\\.")) {
            value = value * 256 + Integer.parseInt(part);
        }
        int machines = 1 + LOAD_BALANCERS + DATABASES + nodes + STORAGE_NODES;
        if ((value & 0xFF) + machines - 1 > 254) {
            throw new InvalidDemand("first-host", machines + " addresses from " + firstAddress
                    + " leave its /24 network; start lower");
        }
        return new Machines(value);
    }

    public boolean onOneHost() {
        return first < 0;
    }

    public String virtualIp() {
        return address(0, LOOPBACK);
    }

    public String loadBalancer(int index) {
        return address(1 + index, LOOPBACK);
    }

    public String database(int index) {
        return address(1 + LOAD_BALANCERS + index, LOOPBACK);
    }

    public int databasePort(int index) {
        return onOneHost() ? LOCAL_DATABASE_PORT + index : DATABASE_PORT;
    }

    public String node(int index) {
        return address(1 + LOAD_BALANCERS + DATABASES + index, LOOPBACK);
    }

    /**
     * On one host the next step of 100 none of whose shifted ports is one of {@code taken} (the frontends
     * and databases), so e.g. no node's JGroups port lands on haproxy's peers port 10000.
     */
    public int nodePortOffset(int index, Set<Integer> taken) {
        if (!onOneHost()) {
            return 0;
        }
        int offset = 0;
        int placed = -1;
        while (placed < index) {
            offset += NODE_PORT_OFFSET_STEP;
            if (clear(offset, taken)) {
                placed++;
            }
        }
        return offset;
    }

    private static boolean clear(int offset, Set<Integer> taken) {
        for (int port : NODE_PORTS) {
            if (taken.contains(port + offset)) {
                return false;
            }
        }
        return true;
    }

    /** On this machine local.yaml's storage pair, which the launcher does not start. */
    public String storage(int index, int nodes) {
        return address(1 + LOAD_BALANCERS + DATABASES + nodes + index, "10.0.0." + (21 + index));
    }

    private String address(int offset, String local) {
        if (onOneHost()) {
            return local;
        }
        long value = first + offset;
        return (value >> 24 & 0xFF) + "." + (value >> 16 & 0xFF) + "." + (value >> 8 & 0xFF) + "." + (value & 0xFF);
    }
}
