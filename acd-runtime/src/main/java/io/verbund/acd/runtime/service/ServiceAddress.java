package io.verbund.acd.runtime.service;

import java.net.URI;
import java.util.Optional;

/** Where another Verbund service answers: the address configured for it, or this node's own HTTP listener. */
public final class ServiceAddress {

    private ServiceAddress() {
    }

    /**
     * @param configured the address configured for the service, when one is
     * @param context    the service's context root on this node, e.g. {@code stats}
     * @return its root, ending in {@code /}
     */
    public static URI of(Optional<String> configured, String context) {
        return root(URI.create(configured.orElseGet(() -> ownNode(context))));
    }

    /** The address as a root that relative paths resolve below: with a trailing {@code /}. */
    public static URI root(URI address) {
        String text = address.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    /** This node's own HTTP address, as WildFly binds it (127.0.0.1 when it binds every address). */
    static String ownNode(String context) {
        String host = System.getProperty("jboss.bind.address", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.isBlank()) {
            host = "127.0.0.1";
        }
        int offset = Integer.parseInt(System.getProperty("jboss.socket.binding.port-offset", "0"));
        int port = Integer.parseInt(System.getProperty("jboss.http.port", "8080")) + offset;
        return "http://" + host + ":" + port + "/" + context + "/";
    }
}
