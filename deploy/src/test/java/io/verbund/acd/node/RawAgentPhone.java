package io.verbund.acd.node;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's phone in raw SIP over UDP, for what a SIPp scenario cannot time: it answers every call
 * at once and hangs one up when the test says so, or (ringing only) rings until a call is cancelled. A phone that hung up answers any later request in
 * that dialog with 481 (RFC 3261 12.2.2), as a real phone does when its BYE went to a node that died.
 * Registered beforehand on the same port (the registration outlives the registering socket).
 */
final class RawAgentPhone implements AutoCloseable {

    private static final Pattern CONTACT = Pattern.compile("<sip:(?:[^@>]+@)?([^:;>]+):(\\d+)");

    private final DatagramSocket socket;
    /** False for a phone nobody picks up: it rings (180) until the call is cancelled. */
    private final boolean picksUp;
    /** Call-IDs of the INVITEs that were cancelled here. */
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    /** Where each first INVITE came from: its final answer goes there, as a transaction's answers do. */
    private final Map<String, SocketAddress> inviteSources = new ConcurrentHashMap<>();
    /** The first INVITE of each call, by Call-ID, in the order they came. */
    private final Map<String, String> invites = new ConcurrentHashMap<>();
    private final Set<String> hungUp = ConcurrentHashMap.newKeySet();
    /** Requests answered 481 because their dialog was hung up, as "METHOD Call-ID". */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile String lastCall;

    private RawAgentPhone(DatagramSocket socket, boolean picksUp) {
        this.socket = socket;
        this.picksUp = picksUp;
        Thread serving = new Thread(this::serve, "raw-agent-phone-" + socket.getLocalPort());
        serving.setDaemon(true);
        serving.start();
    }

    static RawAgentPhone on(int port) throws SocketException, java.net.UnknownHostException {
        return new RawAgentPhone(new DatagramSocket(port, InetAddress.getByName("127.0.0.1")), true);
    }

    /** A phone that rings for every call and is never picked up; a CANCEL ends the ringing (200, then 487). */
    static RawAgentPhone ringingOn(int port) throws SocketException, java.net.UnknownHostException {
        return new RawAgentPhone(new DatagramSocket(port, InetAddress.getByName("127.0.0.1")), false);
    }

    /** Whether the INVITE of {@code callId} was cancelled here. */
    boolean cancelled(String callId) {
        return cancelled.contains(callId);
    }

    /** The Call-ID of the last call that rang here (answered at once). */
    Optional<String> lastCall() {
        return Optional.ofNullable(lastCall);
    }

    /**
     * Hangs up the call: the BYE goes to the node that sent the INVITE (its Contact), once; from now
     * on the dialog is gone here.
     */
    void hangUp(String callId) throws IOException {
        String invite = invites.get(callId);
        if (invite == null) {
            throw new IllegalStateException("no call " + callId + " rang here");
        }
        hungUp.add(callId);
        String contact = SipAnswers.header(invite, "Contact", "m").orElseThrow();
        Matcher target = CONTACT.matcher(contact);
        if (!target.find()) {
            throw new IllegalStateException("no host:port in the Contact " + contact);
        }
        String uri = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
        String bye = "BYE " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-phone-bye-" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "From: " + SipAnswers.header(invite, "To", "t").orElseThrow() + ";tag=" + tagFor(callId) + "\r\n"
                + "To: " + SipAnswers.header(invite, "From", "f").orElseThrow() + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        send(bye, new InetSocketAddress(target.group(1), Integer.parseInt(target.group(2))));
    }

    /** Whether a request of {@code method} in the hung-up dialog {@code callId} got 481 here. */
    boolean refused(String method, String callId) {
        return refused.contains(method + " " + callId);
    }

    private void serve() {
        byte[] buffer = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                answer(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8), packet.getSocketAddress());
            } catch (IOException | RuntimeException e) {
                if (!socket.isClosed()) {
                    System.out.println("raw agent phone: " + e);
                }
            }
        }
    }

    private void answer(String message, SocketAddress from) throws IOException {
        Optional<String> method = SipAnswers.method(message);
        if (method.isEmpty() || method.get().equals("ACK")) {
            return;
        }
        String callId = SipAnswers.header(message, "Call-ID", "i").orElse("");
        if (hungUp.contains(callId)) {
            refused.add(method.get() + " " + callId);
            send(SipAnswers.answer(message, "481 Call/Transaction Does Not Exist", tagFor(callId), "", ""), from);
            return;
        }
        if (method.get().equals("CANCEL") && invites.containsKey(callId)) {
            cancelled.add(callId);
            send(SipAnswers.answer(message, "200 OK", tagFor(callId), "", ""), from);
            send(SipAnswers.answer(invites.get(callId), "487 Request Terminated", tagFor(callId), "", ""), inviteSources.get(callId));
            return;
        }
        if (!method.get().equals("INVITE")) {
            send(SipAnswers.answer(message, "200 OK", tagFor(callId), "", ""), from);
            return;
        }
        if (SipAnswers.toTag(message).isEmpty()) {
            invites.putIfAbsent(callId, message);
            inviteSources.putIfAbsent(callId, from);
            lastCall = callId;
        }
        if (!picksUp) {
            send(SipAnswers.answer(message, "180 Ringing", tagFor(callId), "", ""), from);
            return;
        }
        String sdp = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        send(SipAnswers.answer(message, "200 OK", tagFor(callId), "Contact: <sip:phone@127.0.0.1:" + socket.getLocalPort() + ">\r\n"
                + "Content-Type: application/sdp\r\n", sdp), from);
    }

    private static String tagFor(String callId) {
        return "phone-" + Integer.toHexString(callId.hashCode());
    }

    private void send(String message, SocketAddress to) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    @Override
    public void close() {
        socket.close();
    }
}
