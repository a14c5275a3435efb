package io.verbund.acd.telephony.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where calls to external numbers go: {@code verbund.trunk.outbound}, a SIP address of the
 * carrier's or the PBX's trunk such as {@code sip:127.0.0.1:5090} (port default 5060,
 * {@code ;transport=tcp} optional); absent means this node has no trunk and every transfer to a
 * number fails. {@code verbund.trunk.ring-timeout-seconds} (default 30) is how long a number may
 * ring before the node cancels it.
 */
@ApplicationScoped
public class OutboundTrunk {

    private static final Pattern ADDRESS = Pattern.compile("sips?:(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?(?:;transport=(udp|tcp))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    /** The trunk's address, once parsed. */
    public record Address(String host, int port, String transport) {
    }

    private final Optional<Address> address;
    private final Duration ringTimeout;

    @Inject
    public OutboundTrunk(@ConfigProperty(name = "verbund.trunk.outbound") Optional<String> outbound,
                         @ConfigProperty(name = "verbund.trunk.ring-timeout-seconds", defaultValue = "30") int ringTimeoutSeconds) {
        this.address = outbound.filter(text -> !text.isBlank()).map(OutboundTrunk::parse);
        if (ringTimeoutSeconds < 1) {
            throw new IllegalArgumentException("verbund.trunk.ring-timeout-seconds must be at least 1, not " + ringTimeoutSeconds);
        }
        this.ringTimeout = Duration.ofSeconds(ringTimeoutSeconds);
    }

    protected OutboundTrunk() {
        this(Optional.empty(), 30);
    }

    /** Empty when this node has no outbound trunk. */
    public Optional<Address> address() {
        return address;
    }

    public Duration ringTimeout() {
        return ringTimeout;
    }

    /**
     * The number's SIP address at the trunk, the Request-URI of every INVITE to a number.
     *
     * @throws IllegalStateException when this node has no trunk
     */
    SipURI uriOf(String number, AddressFactory addresses) {
        Address trunk = address.orElseThrow(() -> new IllegalStateException("no outbound trunk configured (verbund.trunk.outbound)"));
        try {
            SipURI uri = addresses.createSipURI(number, trunk.host());
            uri.setPort(trunk.port());
            if (!"udp".equals(trunk.transport())) {
                uri.setTransportParam(trunk.transport());
            }
            return uri;
        } catch (ParseException e) {
            throw new IllegalArgumentException("no SIP address for " + number + " at the trunk: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the setting when the text is no SIP address of a host
     */
    static Address parse(String text) {
        Matcher matcher = ADDRESS.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("verbund.trunk.outbound must be a SIP address such as sip:192.0.2.10:5060, not " + text);
        }
        int port = matcher.group(2) == null ? 5060 : Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("verbund.trunk.outbound names port " + port + ", not between 1 and 65535");
        }
        String transport = matcher.group(3) == null ? "udp" : matcher.group(3).toLowerCase(Locale.ROOT);
        return new Address(matcher.group(1), port, transport);
    }

    /** Whether the number is in E.164 form (a plus, then up to 15 digits): the only numbers sent to the trunk. */
    static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
