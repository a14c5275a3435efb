package io.verbund.acd.node;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The signalling half of a browser softphone, for tests: SIP over a (secure) WebSocket with the
 * {@code sip} subprotocol, opened from a page of the given origin, as JsSIP in the agent desktop does.
 * No WebRTC: it checks what reaches a browser, not audio.
 */
final class SoftphoneSocket implements WebSocket.Listener, AutoCloseable {

    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static SoftphoneSocket open(URI address, String origin, SSLContext trust) {
        SoftphoneSocket phone = new SoftphoneSocket();
        phone.socket = HttpClient.newBuilder().sslContext(trust).build().newWebSocketBuilder().subprotocols("sip")
                .header("Origin", origin).connectTimeout(Duration.ofSeconds(10)).buildAsync(address, phone).join();
        return phone;
    }

    void send(String message) {
        socket.sendText(message, true).join();
    }

    /** The next message whose first line starts with {@code start} (others, such as a 100 Trying, are skipped). */
    String await(String start, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String message = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no message starting with '" + start + "' within " + timeout);
            }
            if (message.startsWith(start)) {
                return message;
            }
        }
    }

    /** A REGISTER from this browser for {@code user}; {@code authorization} null for the first, unauthenticated one. */
    static String register(String user, String host, int cseq, String authorization) {
        return register(user, host, cseq, authorization, 300);
    }

    /** The same with the binding's lifetime; 0 unregisters. */
    static String register(String user, String host, int cseq, String authorization, int expires) {
        return "REGISTER sip:" + host + " SIP/2.0\r\n"
                + "Via: SIP/2.0/WSS q8v3k1.invalid;branch=z9hG4bK-ws-" + cseq + "\r\n"
                + "Max-Forwards: 69\r\n"
                + "To: <sip:" + user + "@" + host + ">\r\n"
                + "From: <sip:" + user + "@" + host + ">;tag=softphone-test\r\n"
                + "Call-ID: softphone-test-" + user + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:t7r2@q8v3k1.invalid;transport=ws>;expires=" + expires + "\r\n"
                + "Supported: path,outbound\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** The digest answer (RFC 2617, qop=auth) to the challenge in {@code unauthorized}. */
    static String digest(String unauthorized, String user, String realm, String password, String uri) {
        Matcher nonce = NONCE.matcher(unauthorized);
        if (!nonce.find()) {
            throw new AssertionError("no nonce in: " + unauthorized);
        }
        String cnonce = "c0ffee";
        String count = "00000001";
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5("REGISTER:" + uri);
        String response = md5(ha1 + ":" + nonce.group(1) + ":" + count + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce.group(1) + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + count + ", cnonce=\"" + cnonce + "\"";
    }

    /**
     * A 200 to an INVITE with a WebRTC answer as a browser would give (DTLS fingerprint, ICE, the
     * offer's first codec), and a Contact on the browser's made-up host, reachable only through the
     * edge. No DTLS handshake follows: signalling only.
     */
    static String answerWithWebRtc(String invite) {
        String media = invite.lines().filter(line -> line.startsWith("m=audio ")).findFirst()
                .orElseThrow(() -> new AssertionError("no audio in the offer: " + invite));
        String payload = media.split(" ")[3];
        String rtpmap = invite.lines().filter(line -> line.startsWith("a=rtpmap:" + payload + " ")).findFirst().orElse("");
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
                + "m=audio 9 UDP/TLS/RTP/SAVPF " + payload + "\r\nc=IN IP4 127.0.0.1\r\na=mid:0\r\n"
                + "a=ice-ufrag:t7r2\r\na=ice-pwd:q8v3k1q8v3k1q8v3k1q8v3k1\r\n"
                + "a=fingerprint:sha-256 " + String.join(":", java.util.Collections.nCopies(32, "AB")) + "\r\n"
                + "a=setup:active\r\na=rtcp-mux\r\na=sendrecv\r\n" + (rtpmap.isEmpty() ? "" : rtpmap + "\r\n")
                + "a=candidate:1 1 UDP 2122260223 127.0.0.1 50000 typ host\r\n";
        String head = answer(invite, "200 OK");
        return head.substring(0, head.indexOf("Content-Length")) + "Contact: <sip:t7r2@q8v3k1.invalid;transport=ws>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** A final answer to {@code request} (its Via, Record-Route, From, To with a tag, Call-ID, CSeq). */
    static String answer(String request, String status) {
        return SipAnswers.answer(request, status, "softphone-answer", "", "");
    }

    private static String md5(String text) {
        try {
            return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
