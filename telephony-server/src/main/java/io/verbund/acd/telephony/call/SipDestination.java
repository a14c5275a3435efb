package io.verbund.acd.telephony.call;

import io.verbund.acd.telephony.registrar.Binding;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Where a new leg's INVITE goes: its Request-URI, the proxies it passes first (Route, from a
 * phone's registered Path) and the transport of the first hop, which is what the Via names and what
 * decides whether SDES keys may travel in its SDP.
 */
record SipDestination(SipURI requestUri, List<SipURI> route, String transport) {

    SipDestination {
        route = List.copyOf(route);
    }

    /**
     * An agent's phone as registered. Through a Path, the first proxy's transport counts: a browser's
     * {@code transport=ws} contact is never dialled by the node itself.
     */
    static SipDestination phone(Binding phone, AddressFactory addresses) throws ParseException {
        SipURI contact = sipUri(addresses.createURI(phone.contact()), phone.contact());
        List<SipURI> route = new java.util.ArrayList<>();
        for (String hop : phone.path()) {
            route.add(sipUri(addresses.createURI(hop), hop));
        }
        SipURI firstHop = route.isEmpty() ? contact : route.get(0);
        return new SipDestination(contact, route, transportOf(firstHop));
    }

    /** A URI dialled straight, such as the trunk's. */
    static SipDestination direct(SipURI requestUri, String transport) {
        return new SipDestination(requestUri, List.of(), transport);
    }

    /** Whether the first hop is encrypted: only then do SDES keys in the SDP protect anything. */
    boolean isSecure() {
        SipURI firstHop = route.isEmpty() ? requestUri : route.get(0);
        return firstHop.isSecure() || "tls".equals(transport);
    }

    private static String transportOf(SipURI uri) {
        return uri.getTransportParam() == null ? (uri.isSecure() ? "tls" : "udp") : uri.getTransportParam().toLowerCase(Locale.ROOT);
    }

    private static SipURI sipUri(URI uri, String text) throws ParseException {
        if (uri instanceof SipURI sip) {
            return sip;
        }
        throw new ParseException("not a sip: or sips: URI: " + text, 0);
    }
}
