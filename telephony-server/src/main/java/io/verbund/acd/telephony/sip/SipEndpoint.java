package io.verbund.acd.telephony.sip;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import gov.nist.javax.sip.ListeningPointImpl;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import java.util.TooManyListenersException;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's JAIN-SIP stack on UDP and TCP at one address and port, and SIP over TLS on a port of
 * its own (the plain port + 1 unless set) when the node has a keystore. Dialogs are managed by the
 * call path itself (automatic dialog support off), as a B2BUA must. TCP runs on non-blocking sockets
 * with connection limits and an idle timeout ({@link TcpConnectionLimits}, {@link ConnectionGuard}, also on TLS) and
 * streams framed by {@link StreamFramer}.
 */
@ApplicationScoped
public class SipEndpoint {

    private static final Logger LOG = Logger.getLogger(SipEndpoint.class.getName());

    private final String host;
    private final int port;
    private final String node;
    private final int tlsPort;
    private final Optional<String> keyStore;
    private final Optional<String> keyStorePassword;
    private final TcpConnectionLimits tcpLimits;
    private SipStack stack;
    private SipProvider provider;
    private SipListener listener;
    private MessageFactory messages;
    private HeaderFactory headers;
    private AddressFactory addresses;

    @Inject
    public SipEndpoint(@ConfigProperty(name = "verbund.sip.host", defaultValue = "127.0.0.1") String host,
                       @ConfigProperty(name = "verbund.sip.port", defaultValue = "5060") int port,
                       @ConfigProperty(name = "jboss.node.name", defaultValue = "node") String node,
                       // 0: the plain port + 1 (5061 beside 5060), as RFC 3261 pairs them.
                       @ConfigProperty(name = "verbund.sip.tls.port", defaultValue = "0") int tlsPort,
                       // The node's PKCS#12 keystore (the launcher's, also WildFly's HTTPS); none: no TLS.
                       @ConfigProperty(name = "verbund.tls.keystore") Optional<String> keyStore,
                       // From the environment (VERBUND_TLS_KEYSTORE_PASSWORD), never a command line.
                       @ConfigProperty(name = "verbund.tls.keystore.password") Optional<String> keyStorePassword,
                       @ConfigProperty(name = "verbund.telephony.tcp.max-connections", defaultValue = "1000") int tcpMaxConnections,
                       @ConfigProperty(name = "verbund.telephony.tcp.max-connections-per-source", defaultValue = "50") int tcpPerSource,
                       @ConfigProperty(name = "verbund.telephony.tcp.idle-timeout-seconds", defaultValue = "120") long tcpIdleSeconds) {
        this.host = host;
        this.port = port;
        this.node = node;
        this.tlsPort = tlsPort > 0 ? tlsPort : port + 1;
        this.keyStore = keyStore == null ? Optional.empty() : keyStore.filter(path -> !path.isBlank());
        this.keyStorePassword = keyStorePassword == null ? Optional.empty() : keyStorePassword;
        this.tcpLimits = new TcpConnectionLimits(tcpMaxConnections, tcpPerSource, Duration.ofSeconds(tcpIdleSeconds));
    }

    protected SipEndpoint() {
        this(null, 0, null, 0, Optional.empty(), Optional.empty(), 1000, 50, 120);
    }

    /** Opens the ports and starts delivering SIP to the listener. A port in use fails the deployment. */
    public synchronized void start(SipListener sipListener) {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "verbund-" + node + "-" + port);
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // A fixed pool of message threads instead of a thread per message under load.
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "16");
        // Also the receive buffer the stack allocates for every UDP datagram: at 64 KB (its default)
        // that alone was 120 MB/s of garbage at 200 CAPS. SIP over UDP stays well below 8 KB
        // (RFC 3261 18.1.1 moves anything near the MTU to TCP); larger messages are refused.
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "8192");
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        // Wraps MissingCallIdParsing: both let the listener answer requests the stack would drop or answer wrongly.
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", UnsupportedVersionParsing.class.getName());
        keyStore.ifPresent(path -> tlsProperties(properties, path));
        // TCP on non-blocking sockets with connection limits: the blocking default holds a thread per
        // connection for as long as the client keeps it open, whether it sends anything or not.
        properties.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", GuardedTcpProcessorFactory.class.getName());
        // The stack's own sweep closes idle connections it opened itself (to agent phones) after the same time.
        properties.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", Long.toString(tcpLimits.idleTimeout().toMillis()));
        // Operators may tune or trace the stack with -Dgov.nist.javax.sip.…=… on the node.
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("gov.nist.javax.sip."))
                .forEach(name -> properties.setProperty(name, System.getProperty(name)));
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = factory.createSipStack(properties);
            messages = factory.createMessageFactory();
            headers = factory.createHeaderFactory();
            addresses = factory.createAddressFactory();
            ListeningPoint udp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(host, port, ListeningPoint.TCP);
            limit(tcp);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            if (keyStore.isPresent()) {
                ListeningPoint tls = stack.createListeningPoint(host, tlsPort, ListeningPoint.TLS);
                limit(tls);
                provider.addListeningPoint(tls);
            }
            provider.setAutomaticDialogSupportEnabled(false);
            provider.addSipListener(sipListener);
            listener = sipListener;
            stack.start();
            LOG.info(() -> "SIP listening on " + host + ":" + port + " (UDP, TCP: " + tcpLimits + ")"
                    + (keyStore.isPresent() ? " and " + host + ":" + tlsPort + " (TLS)" : "; no keystore (verbund.tls.keystore), so no SIP over TLS"));
        } catch (javax.sip.SipException | javax.sip.InvalidArgumentException | TooManyListenersException e) {
            throw new IllegalStateException("cannot start SIP on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** TLS has its own connections of the same limits as TCP, counted apart. */
    private void limit(ListeningPoint point) {
        if (point instanceof ListeningPointImpl impl && impl.getMessageProcessor() instanceof GuardedProcessor guarded) {
            guarded.guard().limit(tcpLimits);
        } else {
            LOG.warning(() -> "SIP over " + point.getTransport() + " runs without connection limits: the stack's processor was replaced");
        }
    }

    /**
     * The stack's TLS settings: the node's key for the server side; for connections the node opens
     * (to phones and trunks registered or configured with transport=tls) the JDK's trusted CAs,
     * checked, never "trust all". Phones need no client certificate (they authenticate with digest).
     */
    private void tlsProperties(Properties properties, String path) {
        properties.setProperty("javax.net.ssl.keyStore", path);
        properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        properties.setProperty("javax.net.ssl.keyStorePassword", keyStorePassword.orElse(""));
        properties.setProperty("javax.net.ssl.trustStore",
                java.nio.file.Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toString());
        properties.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        // The stack's own defaults are TLS 1.0-1.2 with CBC and anonymous suites the JDK has disabled.
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(" ",
                "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));
        // A peer that connects and never finishes the handshake is dropped (ms).
        properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
    }

    public SipProvider provider() {
        return provider;
    }

    public MessageFactory messages() {
        return messages;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    /**
     * Our Contact for dialogs this node is part of: responses to callers and INVITEs to agents. A
     * dialog over TLS names the TLS port, so the peer's in-dialog requests come back over TLS.
     */
    public ContactHeader contact(String transport) throws java.text.ParseException {
        SipURI uri = addresses.createSipURI("acd", host);
        uri.setPort(portFor(transport));
        uri.setTransportParam(transport);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** The transport a request came over, from its top Via (lower case, udp without one), for our Contact. */
    public static String transportOf(javax.sip.message.Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport().toLowerCase(java.util.Locale.ROOT);
    }

    /** The port this node listens on for {@code transport} (udp, tcp or tls), for Via and Contact. */
    public int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) ? tlsPort : port;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /**
     * The order that releases everything (platform-facts): listener, provider, listening points,
     * stop; then the stack's event scanner thread, which {@code stop()} leaves running and which
     * would otherwise pin this deployment's classes.
     */
    @PreDestroy
    synchronized void stop() {
        if (stack == null) {
            return;
        }
        try {
            provider.removeSipListener(listener);
            ListeningPoint[] points = provider.getListeningPoints();
            stack.deleteSipProvider(provider);
            for (ListeningPoint point : points) {
                stack.deleteListeningPoint(point);
            }
        } catch (javax.sip.ObjectInUseException e) {
            LOG.warning("SIP stack not fully released: " + e.getMessage());
        } finally {
            stack.stop();
            ClassLoader ours = SipEndpoint.class.getClassLoader();
            Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().contains("EventScannerThread"))
                    .filter(thread -> thread.getContextClassLoader() == ours)
                    .forEach(Thread::interrupt);
            stack = null;
            LOG.info(() -> "SIP stopped on " + host + ":" + port);
        }
    }
}
