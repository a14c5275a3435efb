package io.verbund.acd.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * SIPp's TLS transport for the tests: Debian's SIPp is built without OpenSSL ({@code -t l1} says
 * so), so SIPp talks TCP to this relay, which carries the bytes unchanged over one TLS connection to
 * the node (or to the cluster's Kamailio). The node sees a real TLS peer; the relay checks the node's certificate and the address
 * in it with the context it is given (one trusting only the node's certificate).
 */
final class TlsRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int tlsPort;
    private final SSLContext trust;
    private final Thread acceptor;
    private volatile String peerProtocol;
    private volatile X509Certificate peerCertificate;

    TlsRelay(String host, int tlsPort, SSLContext trust) throws IOException {
        this.host = host;
        this.tlsPort = tlsPort;
        this.trust = trust;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
        acceptor = new Thread(this::acceptOne, "tls-relay-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where SIPp connects (TCP). */
    int port() {
        return listener.getLocalPort();
    }

    /** The TLS version the node agreed to, once SIPp has connected. */
    String protocol() {
        return peerProtocol;
    }

    /** The certificate the peer presented (and the context accepted), once SIPp has connected. */
    X509Certificate peerCertificate() {
        return peerCertificate;
    }

    private void acceptOne() {
        try (Socket plain = listener.accept();
             SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(host, tlsPort)) {
            SSLParameters parameters = tls.getSSLParameters();
            // Checks that the certificate names the address we dialled, as a phone would.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            peerProtocol = tls.getSession().getProtocol();
            peerCertificate = (X509Certificate) tls.getSession().getPeerCertificates()[0];
            Thread back = new Thread(() -> pump(tls, plain), "tls-relay-back");
            back.setDaemon(true);
            back.start();
            pump(plain, tls);
            back.join(5000);
        } catch (IOException e) {
            // SIPp ended or the node closed: the test judges by SIPp's outcome.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // One side closed: the other direction ends on its own.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
