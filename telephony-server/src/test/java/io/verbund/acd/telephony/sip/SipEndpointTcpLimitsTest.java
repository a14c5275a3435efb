package io.verbund.acd.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real stack on loopback with small TCP limits: connections over a source's share are closed at once, silent ones after the idle timeout. */
class SipEndpointTcpLimitsTest {

    private SipEndpoint endpoint;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        endpoint = new SipEndpoint("127.0.0.1", port, "tcp-limits-" + port, 0, Optional.empty(), Optional.empty(), 10, 2, 1);
        endpoint.start(new Silent());
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        endpoint.stop();
    }

    @Test
    void aConnectionOverTheSourcesShareIsClosedAtOnceAndSilentOnesAfterTheIdleTimeout() throws Exception {
        Socket first = connect();
        Socket second = connect();
        Socket third = connect();

        assertThat(readEnd(third, 3000)).as("the third connection from one address: closed by the node").isTrue();
        assertThat(readEnd(first, 300)).as("within the share: open").isFalse();
        assertThat(readEnd(second, 300)).isFalse();

        long start = System.nanoTime();
        assertThat(readEnd(first, 5000)).as("silent for the idle timeout: closed").isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).as("not before the idle second was up").isGreaterThanOrEqualTo(400);
        assertThat(readEnd(second, 5000)).isTrue();

        Socket again = connect();
        assertThat(readEnd(again, 300)).as("the closed connections no longer count").isFalse();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port());
        sockets.add(socket);
        return socket;
    }

    /** Whether the node ended the connection within the time (end of stream or reset). */
    private static boolean readEnd(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    private static final class Silent implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
        }

        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
