package io.verbund.acd.telephony.sip;

import io.verbund.acd.call.CallId;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentEncodingHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * What a UAS checks before it handles a request (RFC 3261 8.2.1-8.2.3), in that order: a method it
 * does not know (501) or does not take (405 with Allow), a Request-URI scheme other than sip/sips
 * (416), an extension the sender requires (420 with Unsupported; the node supports none), and for
 * INVITE a Call-ID the call records cannot keep (400) or a body it cannot read (415 with Accept). Without these the node answered an unknown method
 * 405 without Allow, a {@code nobody:} URI 404, and set up calls it could not honour.
 */
public final class RequestScreening {

    /** The methods the node takes; the Allow header of a 405 lists them. */
    static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.OPTIONS, Request.REGISTER, Request.INFO);
    /** Methods of RFC 3261 and its extensions that the node knows of but does not take. */
    private static final Set<String> KNOWN = Set.of(Request.PRACK, Request.SUBSCRIBE, Request.NOTIFY, Request.UPDATE,
            Request.MESSAGE, Request.REFER, Request.PUBLISH);

    private RequestScreening() {
    }

    /** A refusal: status, reason, and the header that tells the sender what would be taken. */
    public record Refusal(int status, String why, String headerName, String headerValue) {
    }

    /** The first refusal the request earns, empty when the listener may handle it. */
    public static Optional<Refusal> refusal(Request request) {
        String method = request.getMethod();
        if (!ALLOWED.contains(method)) {
            return Optional.of(KNOWN.contains(method)
                    ? new Refusal(Response.METHOD_NOT_ALLOWED, method + " is not taken here", "Allow", String.join(", ", ALLOWED))
                    : new Refusal(Response.NOT_IMPLEMENTED, "unknown method", null, null));
        }
        String scheme = request.getRequestURI() == null ? "" : request.getRequestURI().getScheme();
        if (!scheme.equalsIgnoreCase("sip") && !scheme.equalsIgnoreCase("sips")) {
            return Optional.of(new Refusal(Response.UNSUPPORTED_URI_SCHEME, "only sip and sips URIs", null, null));
        }
        if (!method.equals(Request.ACK) && !method.equals(Request.CANCEL)) {
            List<String> unsupported = required(request);
            if (!unsupported.isEmpty()) {
                return Optional.of(new Refusal(Response.BAD_EXTENSION, "no SIP extensions supported",
                        "Unsupported", String.join(", ", unsupported)));
            }
        }
        if (method.equals(Request.INVITE)) {
            if (!isCallId(request)) {
                return Optional.of(new Refusal(Response.BAD_REQUEST, "Call-ID of more than 255 characters", null, null));
            }
            return unreadableBody(request);
        }
        return Optional.empty();
    }

    /** The option tags of every Require header: all unsupported, as the node implements no extension. */
    private static List<String> required(Request request) {
        ListIterator<?> headers = request.getHeaders(RequireHeader.NAME);
        if (headers == null || !headers.hasNext()) {
            return List.of(); // nearly every request: nothing allocated on the call path
        }
        List<String> tags = new ArrayList<>();
        while (headers.hasNext()) {
            String tag = ((RequireHeader) headers.next()).getOptionTag();
            if (tag != null && !tag.isBlank() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /**
     * A new call is known by its Call-ID across the cluster and in the records, which keep 255
     * characters ({@link CallId}); a longer one once failed the INVITE after its 180 with a 500.
     */
    private static boolean isCallId(Request request) {
        CallIdHeader header = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        try {
            if (header == null) {
                return false;
            }
            new CallId(header.getCallId()); // its own length check, the one the records rely on
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The call path reads a session description and nothing else; an empty body is an offerless INVITE. */
    private static Optional<Refusal> unreadableBody(Request request) {
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        ContentEncodingHeader encoding = (ContentEncodingHeader) request.getHeader(ContentEncodingHeader.NAME);
        if (encoding != null && !"identity".equalsIgnoreCase(encoding.getEncoding())) {
            return Optional.of(new Refusal(Response.UNSUPPORTED_MEDIA_TYPE, "no content encodings", "Accept-Encoding", "identity"));
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type == null || !"application".equalsIgnoreCase(type.getContentType()) || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            return Optional.of(new Refusal(Response.UNSUPPORTED_MEDIA_TYPE, "session descriptions only", "Accept", "application/sdp"));
        }
        return Optional.empty();
    }
}
