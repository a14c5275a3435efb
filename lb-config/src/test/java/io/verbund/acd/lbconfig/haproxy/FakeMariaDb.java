package io.verbund.acd.lbconfig.haproxy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of the MariaDB protocol for haproxy's {@code option mysql-check ... post-41}: a
 * handshake whose server version names the server, and OK to the check's login. A client reading the
 * handshake through haproxy thus learns which server it reached.
 */
final class FakeMariaDb implements AutoCloseable {

    private final String name;
    private final int port;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    FakeMariaDb(String name, int port) {
        this.name = name;
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    FakeMariaDb start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "fake-mariadb-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Like kill -9: the port refuses connections and open ones are cut. */
    void stop() throws IOException {
        ServerSocket socket = server;
        if (socket != null) {
            socket.close();
        }
        for (Socket connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread session = new Thread(() -> serve(connection), "fake-mariadb-" + name + "-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            OutputStream out = connection.getOutputStream();
            out.write(packet(0, handshake()));
            out.flush();
            DataInputStream in = new DataInputStream(connection.getInputStream());
            byte[] header = new byte[4];
            in.readFully(header);
            int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            in.readFully(new byte[length]);
            // OK packet: header 0x00, no affected rows, no insert id, autocommit status, no warnings.
            out.write(packet(2, new byte[] {0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00}));
            out.flush();
            while (in.read() >= 0) {
                // wait for the client to go
            }
        } catch (IOException e) {
            // the client or the test closed the connection
        } finally {
            connections.remove(connection);
        }
    }

    private byte[] handshake() {
        byte[] version = ("5.5.5-10.11.0-" + name).getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        payload.write(0x0a);
        payload.writeBytes(version);
        payload.write(0);
        payload.writeBytes(new byte[] {1, 0, 0, 0});
        payload.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
        payload.write(0);
        payload.writeBytes(new byte[] {(byte) 0xff, (byte) 0xf7});
        payload.write(0x21);
        payload.writeBytes(new byte[] {0x02, 0x00});
        payload.writeBytes(new byte[] {(byte) 0xff, (byte) 0x81});
        payload.write(21);
        payload.writeBytes(new byte[10]);
        payload.writeBytes("ijklmnopqrst".getBytes(StandardCharsets.US_ASCII));
        payload.write(0);
        payload.writeBytes("mysql_native_password".getBytes(StandardCharsets.US_ASCII));
        payload.write(0);
        return payload.toByteArray();
    }

    private static byte[] packet(int sequence, byte[] payload) {
        byte[] packet = new byte[payload.length + 4];
        packet[0] = (byte) payload.length;
        packet[1] = (byte) (payload.length >> 8);
        packet[2] = (byte) (payload.length >> 16);
        packet[3] = (byte) sequence;
        System.arraycopy(payload, 0, packet, 4, payload.length);
        return packet;
    }

    /** Connects to {@code port} (haproxy's frontend) and returns the server name in the handshake, or "" if cut. */
    static String whoAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(3000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[4];
            in.readFully(header);
            int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            byte[] payload = new byte[length];
            in.readFully(payload);
            int end = 1;
            while (end < payload.length && payload[end] != 0) {
                end++;
            }
            String version = new String(payload, 1, end - 1, StandardCharsets.US_ASCII);
            return version.substring(version.lastIndexOf('-') + 1);
        } catch (IOException e) {
            return "";
        }
    }
}
