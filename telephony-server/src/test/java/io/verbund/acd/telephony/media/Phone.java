package io.verbund.acd.telephony.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A phone's RTP socket on loopback: makes offers and answers for its port, sends crafted packets, reads what arrives. */
final class Phone implements AutoCloseable {

    private final DatagramSocket socket;

    Phone() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** An SDP for this phone's port: {@code formats} as on the m= line, then attribute lines. */
    SessionDescription sdp(String formats, String... attributes) {
        return sdpFor(port(), formats, attributes);
    }

    static SessionDescription sdpFor(int port, String formats, String... attributes) {
        StringBuilder text = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        text.append("m=audio ").append(port).append(" RTP/AVP ").append(formats).append("\r\n");
        for (String attribute : attributes) {
            text.append("a=").append(attribute).append("\r\n");
        }
        return SessionDescription.parse(text.toString());
    }

    void sendTo(RtpLeg leg, byte[] datagram) {
        sendTo(leg.localPort(), datagram);
    }

    void sendTo(int port, byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, or null after a second of nothing. */
    byte[] receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
            return Arrays.copyOf(buffer, packet.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every datagram that arrives within the time. */
    List<byte[]> receiveFor(long millis) {
        List<byte[]> received = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000;
        try {
            while (System.nanoTime() < end) {
                socket.setSoTimeout((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
                byte[] datagram = receive();
                if (datagram != null) {
                    received.add(datagram);
                }
            }
            socket.setSoTimeout(1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received;
    }

    /** Drops what has arrived so far. */
    void drain() {
        receiveFor(30);
    }

    @Override
    public void close() {
        socket.close();
    }
}
