package io.verbund.acd.lbconfig.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a topology file into a {@link Topology} and enforces the source concept's redundancy rules.
 * Works on snakeyaml-engine's node tree rather than on maps, because only the nodes still know their
 * line and column: every failure is an {@link InvalidTopology} pointing at the value to fix. The
 * first problem found is reported.
 */
public final class TopologyReader {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String NAME_RULE = "a lower-case name of letters, digits and '-' (a host name label)";
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final String IPV4_RULE = "an IPv4 address (MariaDB runs with skip_name_resolve, so no host names)";
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*[A-Za-z0-9._-]");
    private static final String PATH_RULE = "an absolute path of letters, digits and . _ - /";
    private static final Pattern BLOCK_DEVICE = Pattern.compile("/dev/[A-Za-z0-9._/-]+");
    private static final Pattern DRBD_DEVICE = Pattern.compile("/dev/drbd[0-9]+");
    private static final Pattern SHARE = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern SMB_SOURCE = Pattern.compile("//[A-Za-z0-9.-]+/[A-Za-z0-9._$-]+(/[A-Za-z0-9._-]+)*");

    private static final Set<String> TOP_KEYS =
            Set.of("cluster", "virtualIp", "frontends", "databases", "nodes", "loadBalancers", "storage", "sizing", "sipSecurity");
    private static final Set<String> FRONTEND_KEYS =
            Set.of("http", "https", "sip", "sipTls", "dbMaster", "dbRealtime", "dbReporting", "haproxyStats", "haproxyPeers",
                    "softphoneWebSocket", "softphoneSip", "rtpengine");
    private static final Set<String> MASTER_KEYS = Set.of("name", "role", "host", "port", "serverId");
    private static final Set<String> REPLICA_KEYS =
            Set.of("name", "role", "host", "port", "serverId", "replicates", "serves");
    private static final Set<String> NODE_KEYS = Set.of("name", "host", "portOffset", "roles");
    private static final Set<String> NAME_HOST_KEYS = Set.of("name", "host");
    private static final Set<String> DRBD_KEYS = Set.of("kind", "nodes", "disk", "device", "port", "share", "path");
    private static final Set<String> MOUNT_KEYS = Set.of("kind", "source", "path", "credentials");
    private static final Set<String> SIZING_KEYS = Set.of("agents", "concurrentCalls");
    private static final Set<String> SIP_SECURITY_KEYS = Set.of("trunkSources", "floodRequests");
    private static final Pattern IPV4_OR_CIDR = Pattern.compile(IPV4.pattern() + "(/([12]?[0-9]|3[0-2]))?");
    private static final String IPV4_OR_CIDR_RULE = "an IPv4 address or subnet (a.b.c.d or a.b.c.d/n)";

    /** A database entry before the cross-entry rules (masters pair up, replicas pick a workload). */
    private record DatabaseEntry(YamlMapping source, String name, DatabaseRole role, Endpoint endpoint, long serverId) {
    }

    /** Reads and checks {@code file}; messages name the file as given. */
    public Topology read(Path file) throws IOException, InvalidTopology {
        return read(Files.readString(file), file.toString());
    }

    /** Reads and checks YAML text; {@code fileName} is what messages call the file. */
    public Topology read(String yaml, String fileName) throws InvalidTopology {
        YamlMapping top = YamlMapping.of(fileName, "", compose(yaml, fileName)).allowOnly(TOP_KEYS, "");
        AddressBook addresses = new AddressBook();
        String cluster = top.text("cluster", NAME, NAME_RULE);
        String virtualIp = top.text("virtualIp", IPV4, IPV4_RULE);
        Frontends frontends = frontends(top.mapping("frontends"), virtualIp, addresses);
        List<Database> databases = databases(top, addresses);
        List<AcdNode> nodes = nodes(top, addresses);
        List<LoadBalancer> loadBalancers = loadBalancers(top);
        Storage storage = storage(top.mapping("storage"), addresses);
        YamlMapping sizing = top.mapping("sizing").allowOnly(SIZING_KEYS, "");
        return new Topology(cluster, virtualIp, frontends, databases, nodes, loadBalancers, storage,
                new Sizing(sizing.integer("agents", 1, 100_000), sizing.integer("concurrentCalls", 1, 100_000)),
                top.has("sipSecurity") ? sipSecurity(top.mapping("sipSecurity")) : SipSecurity.defaults());
    }

    private static SipSecurity sipSecurity(YamlMapping map) throws InvalidTopology {
        map.allowOnly(SIP_SECURITY_KEYS, "");
        List<String> sources = new ArrayList<>();
        if (map.has("trunkSources")) {
            List<Node> items = map.list("trunkSources");
            for (int i = 0; i < items.size(); i++) {
                String field = map.field("trunkSources") + "[" + i + "]";
                String value = YamlMapping.scalarText(map.file(), field, items.get(i));
                if (!IPV4_OR_CIDR.matcher(value).matches()) {
                    throw YamlMapping.problem(map.file(), items.get(i), field, "must be " + IPV4_OR_CIDR_RULE + ", was '" + value + "'");
                }
                sources.add(value);
            }
        }
        return new SipSecurity(sources, map.integer("floodRequests", 1, 100_000, SipSecurity.DEFAULT_FLOOD_REQUESTS));
    }

    private static Node compose(String yaml, String fileName) throws InvalidTopology {
        LoadSettings settings = LoadSettings.builder().setLabel(fileName).build();
        try {
            return new Compose(settings).composeString(yaml)
                    .orElseThrow(() -> new InvalidTopology(fileName, 1, 1, "", "the file is empty"));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            throw new InvalidTopology(fileName, mark.map(m -> m.getLine() + 1).orElse(1),
                    mark.map(m -> m.getColumn() + 1).orElse(1), "", "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new InvalidTopology(fileName, 1, 1, "", "not valid YAML: " + e.getMessage());
        }
    }

    private static Frontends frontends(YamlMapping map, String virtualIp, AddressBook addresses) throws InvalidTopology {
        map.allowOnly(FRONTEND_KEYS, "");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String key : List.of("http", "sip", "dbMaster", "dbRealtime", "dbReporting", "haproxyStats")) {
            ports.put(key, map.integer(key, 1, 65535));
        }
        ports.put("https", map.integer("https", 1, 65535, Frontends.DEFAULT_HTTPS));
        ports.put("haproxyPeers", map.integer("haproxyPeers", 1, 65535, Frontends.DEFAULT_HAPROXY_PEERS));
        ports.put("sipTls", map.integer("sipTls", 1, 65535, Math.min(65535, Frontends.defaultSipTls(ports.get("sip")))));
        ports.put("softphoneWebSocket", map.integer("softphoneWebSocket", 1, 65535, Frontends.DEFAULT_SOFTPHONE_WEB_SOCKET));
        ports.put("softphoneSip", map.integer("softphoneSip", 1, 65535, Frontends.DEFAULT_SOFTPHONE_SIP));
        ports.put("rtpengine", map.integer("rtpengine", 1, 65535, Frontends.DEFAULT_RTPENGINE));
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            Node at = map.optional(port.getKey()).orElse(map.node());
            addresses.claim(new Endpoint(virtualIp, port.getValue()), "frontends." + port.getKey(), map, at,
                    map.field(port.getKey()));
        }
        return new Frontends(ports.get("http"), ports.get("https"), ports.get("sip"), ports.get("sipTls"), ports.get("dbMaster"), ports.get("dbRealtime"),
                ports.get("dbReporting"), ports.get("haproxyStats"), ports.get("haproxyPeers"), ports.get("softphoneWebSocket"),
                ports.get("softphoneSip"), ports.get("rtpengine"));
    }

    private static List<Database> databases(YamlMapping top, AddressBook addresses) throws InvalidTopology {
        List<Node> items = top.list("databases");
        Node listNode = top.required("databases");
        List<DatabaseEntry> entries = new ArrayList<>();
        Names names = new Names();
        Map<Long, String> serverIds = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping map = YamlMapping.of(top.file(), "databases[" + i + "]", items.get(i));
            DatabaseRole role = oneOf(map, "role", DatabaseRole.class);
            map.allowOnly(role == DatabaseRole.MASTER ? MASTER_KEYS : REPLICA_KEYS,
                    role == DatabaseRole.MASTER ? "the two masters replicate each other; only replicas name what they replicate and serve" : "");
            String name = names.claim(map);
            Endpoint endpoint = new Endpoint(map.text("host", IPV4, IPV4_RULE), map.integer("port", 1, 65535));
            addresses.claim(endpoint, map.path() + " (" + name + ")", map, map.required("port"), map.field("port"));
            long serverId = map.number("serverId", 1, 4_294_967_295L);
            String previous = serverIds.putIfAbsent(serverId, map.path() + " (" + name + ")");
            if (previous != null) {
                throw map.problem(map.required("serverId"), map.field("serverId"),
                        "serverId " + serverId + " is already used by " + previous + "; replication needs a unique id per server");
            }
            entries.add(new DatabaseEntry(map, name, role, endpoint, serverId));
        }
        List<DatabaseEntry> masters = entries.stream().filter(e -> e.role() == DatabaseRole.MASTER).toList();
        List<DatabaseEntry> replicas = entries.stream().filter(e -> e.role() == DatabaseRole.REPLICA).toList();
        if (masters.size() != 2) {
            throw top.problem(listNode, "databases",
                    "must list exactly two masters (role: master), found " + masters.size());
        }
        if (replicas.isEmpty() || replicas.size() > 2) {
            throw top.problem(listNode, "databases",
                    "must list one or two replicas (role: replica), found " + replicas.size());
        }
        Map<String, Set<Workload>> serves = workloads(replicas);
        List<Database> databases = new ArrayList<>();
        for (DatabaseEntry entry : entries) {
            String replicates;
            if (entry.role() == DatabaseRole.MASTER) {
                replicates = (entry == masters.get(0) ? masters.get(1) : masters.get(0)).name();
            } else {
                replicates = entry.source().text("replicates", NAME, NAME_RULE);
                if (masters.stream().noneMatch(master -> master.name().equals(replicates))) {
                    throw entry.source().problem(entry.source().required("replicates"), entry.source().field("replicates"),
                            "must name one of the masters (" + masters.get(0).name() + ", " + masters.get(1).name()
                                    + "), was '" + replicates + "'");
                }
            }
            databases.add(new Database(entry.name(), entry.role(), entry.endpoint(), entry.serverId(), replicates,
                    serves.getOrDefault(entry.name(), Set.of())));
        }
        return databases;
    }

    /** One replica serves both workloads; two replicas must name different ones. */
    private static Map<String, Set<Workload>> workloads(List<DatabaseEntry> replicas) throws InvalidTopology {
        Map<String, Set<Workload>> serves = new HashMap<>();
        if (replicas.size() == 1) {
            DatabaseEntry only = replicas.get(0);
            if (only.source().has("serves")) {
                oneOf(only.source(), "serves", Workload.class);
            }
            serves.put(only.name(), EnumSet.allOf(Workload.class));
            return serves;
        }
        Workload first = oneOf(replicas.get(0).source(), "serves", Workload.class);
        YamlMapping second = replicas.get(1).source();
        Workload other = oneOf(second, "serves", Workload.class);
        if (first == other) {
            throw second.problem(second.required("serves"), second.field("serves"),
                    "both replicas serve " + first.yamlName() + "; the other one must serve "
                            + (first == Workload.REALTIME ? Workload.REPORTING : Workload.REALTIME).yamlName());
        }
        serves.put(replicas.get(0).name(), EnumSet.of(first));
        serves.put(replicas.get(1).name(), EnumSet.of(other));
        return serves;
    }

    private static List<AcdNode> nodes(YamlMapping top, AddressBook addresses) throws InvalidTopology {
        List<Node> items = top.list("nodes");
        Names names = new Names();
        List<AcdNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping map = YamlMapping.of(top.file(), "nodes[" + i + "]", items.get(i)).allowOnly(NODE_KEYS, "");
            String name = names.claim(map);
            String host = map.text("host", IPV4, IPV4_RULE);
            int offset = map.integer("portOffset", 0, AcdNode.MAX_PORT_OFFSET);
            AcdNode node = new AcdNode(name, host, offset, roles(map));
            Node at = map.required("portOffset");
            String owner = map.path() + " (" + name + ")";
            addresses.claim(node.http(), owner + " HTTP", map, at, map.field("portOffset"));
            addresses.claim(node.sip(), owner + " SIP", map, at, map.field("portOffset"));
            addresses.claim(node.management(), owner + " management", map, at, map.field("portOffset"));
            addresses.claim(node.jgroups(), owner + " JGroups", map, at, map.field("portOffset"));
            nodes.add(node);
        }
        for (NodeRole role : NodeRole.values()) {
            if (nodes.stream().noneMatch(node -> node.has(role))) {
                throw top.problem(top.required("nodes"), "nodes",
                        "at least one node needs the role " + role.yamlName());
            }
        }
        return nodes;
    }

    private static Set<NodeRole> roles(YamlMapping map) throws InvalidTopology {
        List<Node> items = map.list("roles");
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        for (int i = 0; i < items.size(); i++) {
            String field = map.field("roles") + "[" + i + "]";
            NodeRole role = parseEnum(map.file(), field, items.get(i), NodeRole.class);
            if (!roles.add(role)) {
                throw map.problem(items.get(i), field, "role " + role.yamlName() + " is listed twice");
            }
        }
        return roles;
    }

    private static List<LoadBalancer> loadBalancers(YamlMapping top) throws InvalidTopology {
        List<Node> items = top.list("loadBalancers");
        if (items.size() != 2) {
            throw top.problem(top.required("loadBalancers"), "loadBalancers",
                    "must list exactly two load balancers (the Pacemaker pair), found " + items.size());
        }
        Names names = new Names();
        List<LoadBalancer> loadBalancers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMapping map = YamlMapping.of(top.file(), "loadBalancers[" + i + "]", items.get(i))
                    .allowOnly(NAME_HOST_KEYS, "");
            loadBalancers.add(new LoadBalancer(names.claim(map), map.text("host", IPV4, IPV4_RULE)));
        }
        return loadBalancers;
    }

    private static Storage storage(YamlMapping map, AddressBook addresses) throws InvalidTopology {
        String kind = map.text("kind");
        switch (kind) {
            case "drbd" -> {
                map.allowOnly(DRBD_KEYS, "these belong to kind drbd");
                List<Node> items = map.list("nodes");
                if (items.size() != 2) {
                    throw map.problem(map.required("nodes"), map.field("nodes"),
                            "DRBD mirrors between exactly two storage nodes, found " + items.size());
                }
                int port = map.integer("port", 1, 65535);
                Names names = new Names();
                List<StorageNode> nodes = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    YamlMapping node = YamlMapping.of(map.file(), map.field("nodes") + "[" + i + "]", items.get(i))
                            .allowOnly(NAME_HOST_KEYS, "");
                    StorageNode storageNode = new StorageNode(names.claim(node), node.text("host", IPV4, IPV4_RULE));
                    addresses.claim(new Endpoint(storageNode.host(), port), node.path() + " (" + storageNode.name() + ") DRBD",
                            map, map.required("port"), map.field("port"));
                    nodes.add(storageNode);
                }
                return new DrbdStorage(nodes,
                        map.text("disk", BLOCK_DEVICE, "a block device under /dev (e.g. /dev/vdb)"),
                        map.text("device", DRBD_DEVICE, "a DRBD device /dev/drbdN"),
                        port,
                        map.text("share", SHARE, "an SMB share name of letters, digits, '_' and '-'"),
                        map.text("path", ABSOLUTE_PATH, PATH_RULE));
            }
            case "mount" -> {
                map.allowOnly(MOUNT_KEYS, "kind mount takes source, path and credentials");
                return new MountStorage(
                        map.text("source", SMB_SOURCE, "an SMB share as //server/share"),
                        map.text("path", ABSOLUTE_PATH, PATH_RULE),
                        map.optionalText("credentials", ABSOLUTE_PATH, PATH_RULE).orElse(MountStorage.DEFAULT_CREDENTIALS));
            }
            default -> throw map.problem(map.required("kind"), map.field("kind"),
                    "must be drbd (two storage nodes) or mount (an SMB share of a storage system), was '" + kind + "'");
        }
    }

    private static <E extends Enum<E>> E oneOf(YamlMapping map, String key, Class<E> type) throws InvalidTopology {
        return parseEnum(map.file(), map.field(key), map.required(key), type);
    }

    private static <E extends Enum<E>> E parseEnum(String file, String field, Node value, Class<E> type)
            throws InvalidTopology {
        String text = YamlMapping.scalarText(file, field, value);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw YamlMapping.problem(file, value, field, "must be one of " + String.join(", ", allowed) + ", was '" + text + "'");
    }

    /** Names within one list must be unique: they become file names, server names and host names. */
    private static final class Names {
        private final Map<String, String> seen = new HashMap<>();

        String claim(YamlMapping map) throws InvalidTopology {
            String name = map.text("name", NAME, NAME_RULE);
            String previous = seen.putIfAbsent(name, map.path());
            if (previous != null) {
                throw map.problem(map.required("name"), map.field("name"),
                        "duplicate name '" + name + "' (also " + previous + ")");
            }
            return name;
        }
    }

    /** Every listening address once: two services on one host:port cannot both start. */
    private static final class AddressBook {
        private final Map<Endpoint, String> owners = new HashMap<>();

        void claim(Endpoint endpoint, String owner, YamlMapping map, Node at, String field) throws InvalidTopology {
            String previous = owners.putIfAbsent(endpoint, owner);
            if (previous != null) {
                throw map.problem(at, field, endpoint + " (" + owner + ") is already used by " + previous);
            }
        }
    }
}
