package io.verbund.acd.telephony.media;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's media engine and system prompts, for the call path: the one CDI bean of this
 * package, whose other classes stay plain Java. The RTP address is the SIP address unless
 * {@code verbund.rtp.address} says otherwise; the ports come from {@code verbund.rtp.ports}
 * ({@code lowest-highest}, default 20000-29999). Which source a leg takes RTP from (see
 * {@link PeerLatch}): {@code verbund.rtp.latch-window-ms} (default 2000) and
 * {@code verbund.rtp.latch-packets} (default 3), the defaults of {@link MediaConfig#defaults}. Packets
 * dropped as foreign are counted by the engine ({@code GET /telephony/media}) and published as the
 * meter {@code verbund.rtp.foreign.packets} (Prometheus {@code verbund_rtp_foreign_packets_total}).
 */
@ApplicationScoped
public class NodeMedia {

    private static final Logger LOG = Logger.getLogger(NodeMedia.class.getName());

    private final String address;
    private final String ports;
    private final Duration latchWindow;
    private final int latchPackets;
    private final MeterRegistry registry;
    private MediaEngine engine;
    private PromptLibrary prompts;
    private volatile Instant figuresSince = Instant.now();

    @Inject
    public NodeMedia(@ConfigProperty(name = "verbund.rtp.address") Optional<String> rtpAddress,
                     @ConfigProperty(name = "verbund.sip.host", defaultValue = "127.0.0.1") String sipHost,
                     @ConfigProperty(name = "verbund.rtp.ports", defaultValue = "20000-29999") String ports,
                     @ConfigProperty(name = "verbund.rtp.latch-window-ms", defaultValue = "2000") long latchWindowMillis,
                     @ConfigProperty(name = "verbund.rtp.latch-packets", defaultValue = "3") int latchPackets,
                     MeterRegistry registry) {
        this.address = rtpAddress.filter(address -> !address.isBlank()).orElse(sipHost);
        this.ports = ports;
        this.latchWindow = Duration.ofMillis(latchWindowMillis);
        this.latchPackets = latchPackets;
        this.registry = registry;
    }

    protected NodeMedia() {
        this(Optional.empty(), "127.0.0.1", "20000-29999", 2000, 3, null);
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
                Integer.parseInt(range[1].strip())).withLatch(latchWindow, latchPackets));
        engine.start();
        if (registry != null) {
            // Read from the engine's own count when scraped: nothing per packet. Registered through
            // more().counter, not FunctionCounter.builder(...).register: WildFly's per-deployment
            // registry forwards only its name-based methods to the exported registry; a builder's
            // meter stays in the deployment's own map, which /metrics never shows.
            registry.more().counter("verbund.rtp.foreign.packets", Tags.empty(), engine, MediaEngine::foreignPackets);
        }
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
