package io.verbund.acd.lbconfig.topology;

import java.util.Set;

/**
 * One MariaDB server. {@code replicates} names the server it reads its binlog from: for a master the
 * other master (master-master pair), for a replica the master given in the topology. {@code serves} is
 * empty for masters; a replica serves one workload first, or both when it is the only replica.
 */
public record Database(String name, DatabaseRole role, Endpoint endpoint, long serverId, String replicates,
                       Set<Workload> serves) {

    public Database {
        serves = Set.copyOf(serves);
    }

    public boolean isMaster() {
        return role == DatabaseRole.MASTER;
    }
}
