package io.verbund.acd.telephony.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's media engine and system prompts, for the call path: the one CDI bean of this
 * package, whose other classes stay plain Java. The RTP address is the SIP address unless
 * {@code verbund.rtp.address} says otherwise; the ports come from {@code verbund.rtp.ports}
 * ({@code lowest-highest}, default 20000-29999).
 */
@ApplicationScoped
public class NodeMedia {

    private static final Logger LOG = Logger.getLogger(NodeMedia.class.getName());

    private final String address;
    private final String ports;
    private MediaEngine engine;
    private PromptLibrary prompts;
    private volatile Instant figuresSince = Instant.now();

    @Inject
    public NodeMedia(@ConfigProperty(name = "verbund.rtp.address") Optional<String> rtpAddress,
                     @ConfigProperty(name = "verbund.sip.host", defaultValue = "127.0.0.1") String sipHost,
                     @ConfigProperty(name = "verbund.rtp.ports", defaultValue = "20000-29999") String ports) {
        this.address = rtpAddress.filter(address -> !address.isBlank()).orElse(sipHost);
        this.ports = ports;
    }

    protected NodeMedia() {
        this(Optional.empty(), "127.0.0.1", "20000-29999");
    }

    /** Loads the prompts and starts the engine; at deployment, before the SIP endpoint takes calls. */
    public synchronized void start() {
        if (engine != null) {
            return;
        }
        String[] range = ports.strip().split("-");
        if (range.length != 2) {
            throw new IllegalArgumentException("verbund.rtp.ports must be lowest-highest, e.g. 20000-29999, not " + ports);
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("verbund.rtp.address " + address + " is not an address of this host", e);
        }
        prompts = PromptLibrary.fromClasspath();
        if (!prompts.missing().isEmpty()) {
            LOG.warning(() -> "system prompts missing: " + prompts.missing());
        }
        engine = new MediaEngine(MediaConfig.defaults(bind).withPorts(Integer.parseInt(range[0].strip()),
                Integer.parseInt(range[1].strip())));
        engine.start();
        LOG.info(() -> "media engine on " + address + " ports " + ports);
    }

    public MediaEngine engine() {
        return engine;
    }

    public PromptLibrary prompts() {
        return prompts;
    }

    /** Since when {@link MediaEngine#sendJitter()} counts. */
    public Instant figuresSince() {
        return figuresSince;
    }

    public void resetFigures() {
        engine.resetSendJitter();
        figuresSince = Instant.now();
    }

    @PreDestroy
    synchronized void stop() {
        if (engine != null) {
            engine.stop();
            engine = null;
        }
    }
}
