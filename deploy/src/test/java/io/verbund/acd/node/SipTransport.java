package io.verbund.acd.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A SIP transport as a test client uses it: raw bytes out, the node's responses back, no SIP stack
 * of its own in between (a stack would refuse to send the broken messages the torture suite needs).
 * TLS trusts what {@link #trust} was given (the node's self-signed certificate).
 */
enum SipTransport {

    UDP("UDP") {
        @Override
        Connection connect(InetSocketAddress node) throws IOException {
            return new Datagrams(node);
        }
    },
    TCP("TCP") {
        @Override
        Connection connect(InetSocketAddress node) throws IOException {
            return new Stream(SocketFactory.getDefault().createSocket(node.getAddress(), node.getPort()));
        }
    },
    TLS("TLS") {
        @Override
        Connection connect(InetSocketAddress node) throws IOException {
            return new Stream(tls.createSocket(node.getAddress(), node.getPort()));
        }
    };

    private static volatile SocketFactory tls = SSLSocketFactory.getDefault();

    /** The TLS client's trust: the node's own certificate. */
    static void trust(SSLContext context) {
        tls = context.getSocketFactory();
    }

    /** As written in a Via header. */
    final String via;

    SipTransport(String via) {
        this.via = via;
    }

    abstract Connection connect(InetSocketAddress node) throws IOException;

    /** One sender's socket towards the node. */
    interface Connection extends AutoCloseable {

        /** host:port of this end, for Via and Contact. */
        String local();

        void send(byte[] message) throws IOException;

        /**
         * The first final response (status 200 or more) that mentions {@code mark} (the sender puts
         * it into Call-ID and Via branch; over UDP a late retransmission of an earlier exchange may
         * arrive), empty when none came within {@code wait} or the node closed the connection.
         */
        default Optional<String> finalResponse(String mark, Duration wait) throws IOException {
            return response(mark, status -> status >= 200, wait);
        }

        /** The first response mentioning {@code mark} whose status {@code wanted} takes (a 183 with its SDP, say); empty as above. */
        Optional<String> response(String mark, IntPredicate wanted, Duration wait) throws IOException;

        /** The next {@code count} bytes the node sends (fewer if it closes or {@code wait} passes); streams only. */
        default String read(int count, Duration wait) throws IOException {
            throw new UnsupportedOperationException("raw reads on streams only");
        }

        @Override
        void close() throws IOException;
    }

    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3}) ");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)");

    /** The status of a response, or -1 for anything else. */
    static int status(String response) {
        Matcher matcher = STATUS.matcher(response);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static final class Datagrams implements Connection {

        private final DatagramSocket socket;
        private final InetSocketAddress node;

        Datagrams(InetSocketAddress node) throws IOException {
            this.node = node;
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        }

        @Override
        public String local() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void send(byte[] message) throws IOException {
            socket.send(new DatagramPacket(message, message.length, node));
        }

        @Override
        public Optional<String> response(String mark, IntPredicate wanted, Duration wait) throws IOException {
            long until = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[65536];
            while (true) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return Optional.empty();
                }
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (response.contains(mark) && wanted.test(status(response))) {
                    return Optional.of(response);
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static final class Stream implements Connection {

        private final Socket socket;
        private final InputStream in;

        Stream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        @Override
        public String local() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void send(byte[] message) throws IOException {
            socket.getOutputStream().write(message);
            socket.getOutputStream().flush();
        }

        @Override
        public String read(int count, Duration wait) throws IOException {
            long until = System.nanoTime() + wait.toNanos();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                while (read.size() < count) {
                    long left = (until - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout((int) left);
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    read.write(b);
                }
            } catch (SocketTimeoutException e) {
                // What came within the wait.
            }
            return read.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public Optional<String> response(String mark, IntPredicate wanted, Duration wait) throws IOException {
            long until = System.nanoTime() + wait.toNanos();
            while (true) {
                Optional<String> response = next(until);
                if (response.isEmpty() || wanted.test(status(response.get()))) {
                    return response;
                }
            }
        }

        /** The next message on the stream: header up to the empty line, then Content-Length bytes. */
        private Optional<String> next(long until) throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            int matched = 0;
            try {
                while (matched < 4) {
                    long left = (until - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    socket.setSoTimeout((int) left);
                    int b = in.read();
                    if (b < 0) {
                        return Optional.empty();
                    }
                    message.write(b);
                    matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : b == '\r' ? 1 : 0;
                }
                String head = message.toString(StandardCharsets.UTF_8);
                Matcher length = CONTENT_LENGTH.matcher(head);
                int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
                message.write(in.readNBytes(body));
                return Optional.of(message.toString(StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            } catch (IOException e) {
                // The node reset the connection: as good as closed.
                return Optional.empty();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
