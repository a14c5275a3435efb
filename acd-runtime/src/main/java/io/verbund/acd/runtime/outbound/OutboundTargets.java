package io.verbund.acd.runtime.outbound;

import io.verbund.acd.runtime.net.AddressRange;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which addresses a request to a tenant's URL may connect to: any public one, none inside the
 * installation's own or special networks (loopback, RFC 1918 and unique-local, link-local with the
 * cloud metadata address 169.254.169.254, carrier-grade NAT, unspecified, multicast, reserved, and
 * those IPv4 ranges written as IPv6 through the mapped, compatible, NAT64 and 6to4 forms), except
 * what the operator opens with {@link #PROPERTY}, on all ports or on one. Addresses only, not names:
 * a name is checked by what it resolves to, each time it is resolved, and the port with the address
 * when the connection is made.
 */
public final class OutboundTargets {

    /**
     * Comma-separated IP addresses or CIDR blocks a tenant's URLs may reach although internal, each
     * optionally with one port, e.g. {@code 10.20.0.0/16, 192.168.5.7, 10.0.0.5:8080, 10.1.0.0/16:443,
     * [fd00::1]:443}. Default: none. An entry without a port opens its addresses on every port; an
     * IPv6 entry with a port is written in brackets ({@code [fd00::/8]:443}).
     */
    public static final String PROPERTY = "verbund.outbound.allowed-targets";

    private static final List<AddressRange> INTERNAL_V4 = Stream.of(
            "0.0.0.0/8",          // "this network", includes the unspecified 0.0.0.0
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", // RFC 1918
            "100.64.0.0/10",      // carrier-grade NAT
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local, cloud metadata 169.254.169.254
            "192.0.0.0/24",       // IETF protocol assignments
            "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", // documentation
            "192.88.99.0/24",     // 6to4 relay anycast
            "198.18.0.0/15",      // benchmarking
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4"         // reserved, includes broadcast 255.255.255.255
    ).map(AddressRange::parse).toList();

    private static final List<AddressRange> INTERNAL_V6 = Stream.of(
            "::/128", "::1/128",
            "100::/64",           // discard
            "2001:db8::/32",      // documentation
            "fc00::/7",           // unique local
            "fe80::/10",          // link-local
            "fec0::/10",          // site-local (deprecated, still routed by some)
            "ff00::/8"            // multicast
    ).map(AddressRange::parse).toList();

    /** IPv6 forms that carry an IPv4 address, which is checked in their place. */
    private static final AddressRange COMPATIBLE = AddressRange.parse("::/96");
    private static final AddressRange MAPPED = mapped();
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private final List<Opening> allowed;

    private OutboundTargets(List<Opening> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Nothing internal allowed: the default. */
    public static OutboundTargets publicOnly() {
        return new OutboundTargets(List.of());
    }

    /** @param property the value of {@link #PROPERTY}; blank for none */
    public static OutboundTargets parse(Optional<String> property) {
        return new OutboundTargets(property.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).map(Opening::parse).toList());
    }

    /**
     * For a name's addresses, before the port is known: refused when no port of the address may be
     * reached. The connection itself is checked with its port ({@link #refusal(InetAddress, int)}).
     *
     * @return why no connection to this address may be made, or empty when one on some port may
     */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(opening -> opening.range.contains(address))) {
            return Optional.empty();
        }
        return internal(address) ? Optional.of(address.getHostAddress() + " is inside the installation's own or a special network;"
                + " an operator can open it with " + PROPERTY) : Optional.empty();
    }

    /** @return why a connection to this address and port is refused, or empty when it may be made */
    public Optional<String> refusal(InetAddress address, int port) {
        if (!internal(address) || allowed.stream().anyMatch(opening -> opening.opens(address, port))) {
            return Optional.empty();
        }
        boolean otherPorts = allowed.stream().anyMatch(opening -> opening.range.contains(address));
        return Optional.of(address.getHostAddress() + (otherPorts ? " is opened by " + PROPERTY + " on other ports than " + port
                : " is inside the installation's own or a special network; an operator can open it with " + PROPERTY));
    }

    static boolean internal(InetAddress address) {
        if (address instanceof Inet4Address) {
            return INTERNAL_V4.stream().anyMatch(range -> range.contains(address));
        }
        if (!(address instanceof Inet6Address)) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (INTERNAL_V6.stream().anyMatch(range -> range.contains(bytes))) {
            return true;
        }
        if (COMPATIBLE.contains(bytes) || MAPPED.contains(bytes) || NAT64.contains(bytes)) {
            return internal(v4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return internal(v4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return false;
    }

    /** ::ffff:0:0/96 built by hand: Java parses that literal into an IPv4 address. */
    private static AddressRange mapped() {
        byte[] prefix = new byte[16];
        prefix[10] = (byte) 0xff;
        prefix[11] = (byte) 0xff;
        return new AddressRange(prefix, 96);
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "allowed internal targets " + allowed;
    }

    /** One entry of the allow-list: a range, on all ports (port 0) or on one. */
    private record Opening(AddressRange range, int port) {

        /** {@code 10.0.0.5}, {@code 10.1.0.0/16:443}, {@code fd00::/8}, {@code [fd00::1]:443}. */
        static Opening parse(String entry) {
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("no closing ] in " + entry);
                }
                String rest = entry.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("only :port may follow ] in " + entry);
                }
                return new Opening(AddressRange.parse(entry.substring(1, close)), rest.isEmpty() ? 0 : port(rest.substring(1), entry));
            }
            int colon = entry.indexOf(':');
            // One colon: IPv4 with a port. More: an IPv6 address without one (with one it takes brackets).
            if (colon >= 0 && colon == entry.lastIndexOf(':')) {
                return new Opening(AddressRange.parse(entry.substring(0, colon)), port(entry.substring(colon + 1), entry));
            }
            return new Opening(AddressRange.parse(entry), 0);
        }

        private static int port(String text, String entry) {
            int port;
            try {
                port = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port: " + entry, e);
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("a port is 1 to 65535: " + entry);
            }
            return port;
        }

        boolean opens(InetAddress address, int port) {
            return range.contains(address) && (this.port == 0 || this.port == port);
        }

        @Override
        public String toString() {
            if (port == 0) {
                return range.toString();
            }
            return (range.network().length == 4 ? range.toString() : "[" + range + "]") + ":" + port;
        }
    }
}
