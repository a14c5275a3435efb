package io.verbund.acd.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * haproxy's admin socket (lb-config writes it, owner only): which servers are up, which master the
 * {@code db_master} stick table holds, and the two commands of the manual failback.
 */
public final class HaproxyAdmin {

    public static final String DB_MASTER = "db_master";

    /** One server line of {@code show stat}. */
    public record Server(String backend, String name, String status, int id, boolean backup) {
        public boolean up() {
            return status.startsWith("UP");
        }
    }

    private final Path socket;

    public HaproxyAdmin(Path socket) {
        this.socket = socket;
    }

    /** Sends one command (non-interactive: haproxy answers and closes) and returns the answer. */
    public String command(String line) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    public boolean answers() {
        try {
            return command("show info").contains("Name: HAProxy");
        } catch (IOException e) {
            return false;
        }
    }

    /** The servers of every backend, as {@code show stat} reports them. */
    public List<Server> servers() throws IOException {
        String[] lines = command("show stat").split("\n");
        List<String> header = Arrays.asList(lines[0].replaceFirst("^# ", "").split(","));
        int backend = header.indexOf("pxname");
        int name = header.indexOf("svname");
        int status = header.indexOf("status");
        int id = header.indexOf("sid");
        int backup = header.indexOf("bck");
        List<Server> servers = new ArrayList<>();
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            String[] fields = line.split(",", -1);
            if (fields.length <= id || fields[name].equals("FRONTEND") || fields[name].equals("BACKEND")) {
                continue;
            }
            servers.add(new Server(fields[backend], fields[name], fields[status], Integer.parseInt(fields[id]),
                    "1".equals(fields[backup])));
        }
        return servers;
    }

    public List<Server> servers(String backend) throws IOException {
        return servers().stream().filter(server -> server.backend().equals(backend)).toList();
    }

    /**
     * The master that takes writes: the one the stick table holds, or, before any connection was
     * made, the one haproxy would pick (the first server that is up, backups last).
     */
    public Optional<String> activeMaster() throws IOException {
        List<Server> masters = servers(DB_MASTER);
        Optional<Integer> stuck = stickyServerId();
        if (stuck.isPresent()) {
            return masters.stream().filter(server -> server.id() == stuck.get()).map(Server::name).findFirst();
        }
        return masters.stream().filter(Server::up).sorted((a, b) -> Boolean.compare(a.backup(), b.backup()))
                .map(Server::name).findFirst();
    }

    /** The server id in {@code db_master}'s stick table (one entry, key 1), when there is one. */
    Optional<Integer> stickyServerId() throws IOException {
        for (String line : command("show table " + DB_MASTER).split("\n")) {
            int at = line.indexOf("server_id=");
            if (!line.startsWith("#") && at >= 0) {
                return Optional.of(Integer.parseInt(line.substring(at + "server_id=".length()).split("\\s")[0]));
            }
        }
        return Optional.empty();
    }

    /** Forgets the failed-over master: the next connection goes to the primary if it is up. */
    public void clearMasterTable() throws IOException {
        command("clear table " + DB_MASTER);
    }

    /** Takes a master out of maintenance ('disable server'), so health checks decide again. */
    public void enableServer(String server) throws IOException {
        command("enable server " + DB_MASTER + "/" + server);
    }

    /** Cuts every connection to one master, so the pools reconnect through the frontend. */
    public void shutdownSessions(String server) throws IOException {
        command("shutdown sessions server " + DB_MASTER + "/" + server);
    }
}
