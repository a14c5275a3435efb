package io.verbund.acd.portal.webhook;

import io.verbund.acd.runtime.outbound.OutboundTargets;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point. Only http and https; and, unless the operator's allow-list opens it,
 * never an address inside the installation's own networks (otherwise a tenant admin could make our
 * nodes call their neighbours: server-side request forgery). Checked here when the webhook is saved,
 * for a clear answer to its admin; what protects is the same check on every delivery's connection
 * ({@link io.verbund.acd.runtime.outbound.OutboundHttp}), as the name may resolve elsewhere by then.
 */
public final class WebhookTarget {

    private WebhookTarget() {
    }

    /** @return what is wrong with the URL, or empty when it may be used */
    public static Optional<String> problem(String url, OutboundTargets targets) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("has no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password; the signature proves who sends");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                Optional<String> refusal = targets.refusal(address, port);
                if (refusal.isPresent()) {
                    return Optional.of("points into the installation's own network: " + refusal.get());
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + uri.getHost());
        }
        return Optional.empty();
    }
}
