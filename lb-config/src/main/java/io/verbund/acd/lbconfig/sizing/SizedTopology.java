package io.verbund.acd.lbconfig.sizing;

import io.verbund.acd.lbconfig.topology.Frontends;
import io.verbund.acd.lbconfig.topology.NodeRole;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topology file for a {@link SizingPlan}: local.yaml's frontends and database layout, the planned
 * WildFly nodes, and the demand as {@code sizing}. Its first lines say how it was sized, so the file can
 * be made again.
 */
public final class SizedTopology {

    /** local.yaml's frontends on the virtual IP; the others keep the reader's defaults. */
    private static final Map<String, Integer> FRONTENDS = frontends();

    private SizedTopology() {
    }

    /**
     * @param command the {@code lb-config size} command line that made the plan, for the file's header
     */
    public static String yaml(SizingPlan plan, String cluster, Machines machines, String command) {
        List<Set<NodeRole>> nodes = plan.nodeRoles();
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Sized by: ").append(command).append('\n');
        yaml.append("# ").append(plan.sharedNodes() ? nodes.size() + " nodes with both roles"
                : plan.telephonyNodes() + " telephony and " + plan.webNodes() + " web nodes").append(", N+1; the figures and")
                .append(" reasons are in that command's output.\n");
        yaml.append("cluster: ").append(cluster).append('\n');
        yaml.append("virtualIp: ").append(machines.virtualIp()).append('\n');
        yaml.append("frontends:\n");
        FRONTENDS.forEach((name, port) -> yaml.append("  ").append(name).append(": ").append(port).append('\n'));
        yaml.append("databases:\n");
        String[] names = {"master1", "master2", "replica1", "replica2"};
        for (int i = 0; i < names.length; i++) {
            yaml.append("  - {name: ").append(names[i]).append(", role: ").append(i < 2 ? "master" : "replica")
                    .append(", host: ").append(machines.database(i)).append(", port: ").append(machines.databasePort(i))
                    .append(", serverId: ").append(i + 1);
            if (i >= 2) {
                yaml.append(", replicates: ").append(names[i - 2]).append(", serves: ").append(i == 2 ? "realtime" : "reporting");
            }
            yaml.append("}\n");
        }
        Set<Integer> taken = new HashSet<>(FRONTENDS.values());
        taken.addAll(List.of(Frontends.defaultSipTls(FRONTENDS.get("sip")), Frontends.DEFAULT_HAPROXY_PEERS,
                Frontends.DEFAULT_SOFTPHONE_SIP, Frontends.DEFAULT_SOFTPHONE_WEB_SOCKET, Frontends.DEFAULT_RTPENGINE));
        for (int i = 0; i < names.length; i++) {
            taken.add(machines.databasePort(i));
        }
        yaml.append("nodes:\n");
        for (int i = 0; i < nodes.size(); i++) {
            yaml.append("  - {name: ").append(nodeName(i)).append(", host: ").append(machines.node(i))
                    .append(", portOffset: ").append(machines.nodePortOffset(i, taken)).append(", roles: [")
                    .append(String.join(", ", nodes.get(i).stream().map(NodeRole::yamlName).toList())).append("]}\n");
        }
        yaml.append("loadBalancers:\n");
        for (int i = 0; i < plan.loadBalancers(); i++) {
            yaml.append("  - {name: lb").append(i + 1).append(", host: ").append(machines.loadBalancer(i)).append("}\n");
        }
        yaml.append("storage:\n")
                .append("  kind: drbd\n")
                .append("  nodes:\n")
                .append("    - {name: storage1, host: ").append(machines.storage(0, nodes.size())).append("}\n")
                .append("    - {name: storage2, host: ").append(machines.storage(1, nodes.size())).append("}\n")
                .append("  disk: /dev/vdb\n")
                .append("  device: /dev/drbd0\n")
                .append("  port: 7789\n")
                .append("  share: verbund\n")
                .append("  path: /srv/verbund\n");
        yaml.append("sizing:\n")
                .append("  agents: ").append(plan.demand().agents()).append('\n')
                .append("  concurrentCalls: ").append(Math.max(1, plan.peakCalls())).append('\n');
        return yaml.toString();
    }

    private static Map<String, Integer> frontends() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("http", 8080);
        ports.put("https", 8443);
        ports.put("sip", 5060);
        ports.put("dbMaster", 3306);
        ports.put("dbRealtime", 3307);
        ports.put("dbReporting", 3308);
        ports.put("haproxyStats", 8404);
        return Collections.unmodifiableMap(ports);
    }

    /** node-a ... node-z, node-aa ...: the names local.yaml uses, for any count. */
    static String nodeName(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            letters.insert(0, (char) ('a' + i % 26));
        }
        return "node-" + letters;
    }
}
