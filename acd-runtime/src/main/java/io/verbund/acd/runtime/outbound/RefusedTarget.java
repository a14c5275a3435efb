package io.verbund.acd.runtime.outbound;

import java.net.UnknownHostException;

/**
 * A host that resolved to an address outbound requests may not reach. An {@link UnknownHostException},
 * so the HTTP client gives up on the host as on one that does not resolve (no other address is tried).
 */
public final class RefusedTarget extends UnknownHostException {

    RefusedTarget(String host, String why) {
        super(host + ": " + why);
    }
}
