package io.verbund.acd.runtime.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The client's only way from a host name (or an IP literal, which goes through here too) to the
 * addresses it connects to: each resolution, for every attempt, is checked, so a name that
 * resolved to a public address when a tenant saved it and resolves to 127.0.0.1 now is refused
 * now. One internal address among several refuses them all: which one the client would try is
 * not ours to predict.
 */
final class GuardedResolver implements DnsResolver {

    /** Resolves a name; the system's resolver in service, a fake in tests. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Lookup lookup;
    private final OutboundTargets targets;

    GuardedResolver(Lookup lookup, OutboundTargets targets) {
        this.lookup = lookup;
        this.targets = targets;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> refusal = targets.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedTarget(host, refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // Only asked for Kerberos/SPNEGO, which these requests never use; answer without a query.
        return host;
    }
}
