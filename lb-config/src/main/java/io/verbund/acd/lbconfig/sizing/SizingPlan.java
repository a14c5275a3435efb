package io.verbund.acd.lbconfig.sizing;

import io.verbund.acd.lbconfig.topology.NodeRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Sizer} concluded for one {@link Demand}: servers per role with their reasons, the
 * database's growth and the file storage, and notes where the demand goes past what was measured.
 *
 * @param peakCalls      the concurrent calls sized for: the given ones, or more when the call rate implies more
 * @param sharedNodes    whether every WildFly node takes both roles (one node carries the whole load)
 * @param telephonyNodes nodes with the telephony role (all nodes when shared)
 * @param webNodes       nodes with the web role (all nodes when shared)
 */
public record SizingPlan(Demand demand, int peakCalls, double mediaLegs, boolean sharedNodes, int telephonyNodes,
                         int webNodes, int loadBalancers, int masters, int replicas, long databaseBytesPerYear,
                         double recordedHours, long recordingBytes, long otherFileBytes, List<RoleCount> roles,
                         List<String> notes) {

    public SizingPlan {
        roles = List.copyOf(roles);
        notes = List.copyOf(notes);
    }

    /** The roles of each WildFly node in order: shared nodes first-to-last, else telephony nodes, then web nodes. */
    public List<Set<NodeRole>> nodeRoles() {
        List<Set<NodeRole>> nodes = new ArrayList<>();
        if (sharedNodes) {
            for (int i = 0; i < telephonyNodes; i++) {
                nodes.add(EnumSet.of(NodeRole.WEB, NodeRole.TELEPHONY));
            }
            return nodes;
        }
        for (int i = 0; i < telephonyNodes; i++) {
            nodes.add(EnumSet.of(NodeRole.TELEPHONY));
        }
        for (int i = 0; i < webNodes; i++) {
            nodes.add(EnumSet.of(NodeRole.WEB));
        }
        return nodes;
    }

    /** The file storage to provide for: recordings over their retention plus everything else. */
    public long storageBytes() {
        return recordingBytes + otherFileBytes;
    }
}
