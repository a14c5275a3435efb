package io.verbund.acd.runtime.security;

import io.verbund.acd.runtime.net.AddressRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies (haproxy) whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} a node
 * believes, from {@value #PROPERTY}: a comma-separated list of addresses or CIDR ranges, e.g.
 * {@code 10.0.0.5, 10.0.0.6, 10.0.0.100}. Default: none, so a client reaching the node directly
 * (the demo) cannot claim another address. The cluster's generated node scripts set the load
 * balancers' addresses and the virtual IP.
 */
public final class TrustedProxies {

    public static final String PROPERTY = "verbund.http.trusted-proxies";
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** Only IP literals: a host name in a header must never cause a DNS lookup. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<AddressRange> ranges;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies fromSystemProperties() {
        return parse(System.getProperty(PROPERTY, ""));
    }

    /** @throws IllegalArgumentException naming the entry that is not an address or CIDR range */
    public static TrustedProxies parse(String list) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                ranges.add(AddressRange.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PROPERTY + ": '" + text + "' is not an IP address or CIDR range", e);
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && ranges.stream().anyMatch(range -> range.contains(parsed.get().getAddress()));
    }

    /**
     * The client's address: the direct peer, unless the peer is a trusted proxy; then the right-most
     * address of {@code X-Forwarded-For} that is not itself a trusted proxy (everything left of it
     * was written by the client and may be forged).
     *
     * @param forwardedFor the header's values in the order received, possibly empty
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return peer;
            }
            String address = hop.get().getHostAddress();
            if (!trusts(address)) {
                return address;
            }
        }
        return peer;
    }

    /** Whether the client used HTTPS: the proxy's {@code X-Forwarded-Proto} if the peer is trusted. */
    public boolean https(String peer, boolean directlySecure, String forwardedProto) {
        if (forwardedProto == null || !trusts(peer)) {
            return directlySecure;
        }
        return forwardedProto.strip().toLowerCase(Locale.ROOT).equals("https");
    }

    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
