package io.verbund.acd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin socket's answers as haproxy 2.6 gives them (taken from a real one), served by a fake socket. */
class HaproxyAdminTest {

    private static final String STAT_HEADER = "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,"
            + "wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle\n";

    @TempDir
    Path folder;

    private final List<String> received = new ArrayList<>();
    private Thread server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.interrupt();
        }
    }

    @Test
    void theStuckServerIsTheActiveMasterEvenWhenThePrimaryIsUpAgain() throws Exception {
        HaproxyAdmin admin = serve(Map.of(
                "show stat", STAT_HEADER
                        + "db_master,FRONTEND,,,0,0,2400,0,0,0,0,0,0,,,,,OPEN,,,,,,,,,1,2,0,\n"
                        + "db_master,master1,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,1,1,0,0,1,5,5,,1,2,1,\n"
                        + "db_master,master2,0,0,3,3,,9,0,0,,0,,0,0,0,0,UP,1,0,1,0,0,60,0,,1,2,2,\n"
                        + "db_master,BACKEND,0,0,3,3,240,9,0,0,0,0,,0,0,0,0,UP,1,1,1,,0,60,0,,1,2,0,\n",
                "show table db_master", "# table: db_master, type: integer, size:2, used:1\n"
                        + "0x55d0c0b0e4a0: key=1 use=3 exp=0 shard=0 server_id=2 server_key=master2\n\n"));

        assertThat(admin.activeMaster()).contains("master2");
        assertThat(admin.servers("db_master")).extracting(HaproxyAdmin.Server::name, HaproxyAdmin.Server::backup)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("master1", false), org.assertj.core.groups.Tuple.tuple("master2", true));
    }

    @Test
    void withAnEmptyTableTheFirstServerUpIsActiveBackupsLast() throws Exception {
        HaproxyAdmin admin = serve(Map.of(
                "show stat", STAT_HEADER
                        + "db_master,master1,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,1,1,0,0,1,5,5,,1,2,1,\n"
                        + "db_master,master2,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP,1,0,1,0,0,60,0,,1,2,2,\n",
                "show table db_master", "# table: db_master, type: integer, size:2, used:0\n\n"));

        assertThat(admin.activeMaster()).contains("master2");
    }

    @Test
    void failbackCommandsAreSentAsHaproxyExpectsThem() throws Exception {
        HaproxyAdmin admin = serve(Map.of());

        admin.clearMasterTable();
        admin.shutdownSessions("master2");

        assertThat(received).containsExactly("clear table db_master", "shutdown sessions server db_master/master2");
    }

    /** One answer per command, then the connection closes, as haproxy does without 'prompt'. */
    private HaproxyAdmin serve(Map<String, String> answers) throws IOException {
        Path socket = folder.resolve("haproxy.sock");
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        server = new Thread(() -> {
            try (channel) {
                while (!Thread.currentThread().isInterrupted()) {
                    try (SocketChannel client = channel.accept()) {
                        ByteBuffer buffer = ByteBuffer.allocate(1024);
                        StringBuilder line = new StringBuilder();
                        while (line.indexOf("\n") < 0 && client.read(buffer) > 0) {
                            line.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
                            buffer.clear();
                        }
                        String command = line.toString().trim();
                        synchronized (received) {
                            received.add(command);
                        }
                        client.write(ByteBuffer.wrap(answers.getOrDefault(command, "\n").getBytes(StandardCharsets.US_ASCII)));
                    }
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        }, "fake-haproxy");
        server.setDaemon(true);
        server.start();
        return new HaproxyAdmin(socket);
    }
}
