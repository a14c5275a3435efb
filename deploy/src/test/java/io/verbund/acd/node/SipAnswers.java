package io.verbund.acd.node;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers to raw SIP requests, for the tests' own user agents: what RFC 3261 8.2.6 copies from the request. */
final class SipAnswers {

    private static final Pattern TO_TAG = Pattern.compile("(?im)^(?:To|t)[ \\t]*:.*;tag=([^;\\s]+)");

    private SipAnswers() {
    }

    /**
     * A final answer to {@code request}: its Via, Record-Route, From, Call-ID and CSeq, its To with
     * {@code toTag} when it has none yet, then {@code headers} (each ending in CRLF) and {@code body}.
     */
    static String answer(String request, String status, String toTag, String headers, String body) {
        boolean tagged = toTag(request).isPresent();
        StringBuilder response = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String line : request.split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim() : "";
            // Record-Route too (RFC 3261 12.1.1): the route set back through the proxies.
            if (name.equalsIgnoreCase("Via") || name.equalsIgnoreCase("v") || name.equalsIgnoreCase("From") || name.equalsIgnoreCase("f")
                    || name.equalsIgnoreCase("Call-ID") || name.equalsIgnoreCase("i") || name.equalsIgnoreCase("CSeq")
                    || name.equalsIgnoreCase("Record-Route")) {
                response.append(line).append("\r\n");
            } else if (name.equalsIgnoreCase("To") || name.equalsIgnoreCase("t")) {
                response.append(line).append(tagged ? "" : ";tag=" + toTag).append("\r\n");
            }
        }
        return response.append(headers).append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body).toString();
    }

    /** The tag of the request's To header, if it has one (then it is in a dialog). */
    static Optional<String> toTag(String request) {
        Matcher tag = TO_TAG.matcher(request);
        return tag.find() ? Optional.of(tag.group(1)) : Optional.empty();
    }

    /** The first value of header {@code name} (or its compact form), trimmed. */
    static Optional<String> header(String message, String name, String compact) {
        Matcher header = Pattern.compile("(?im)^(?:" + Pattern.quote(name) + "|" + Pattern.quote(compact) + ")[ \\t]*:(.*)$").matcher(message);
        return header.find() ? Optional.of(header.group(1).strip()) : Optional.empty();
    }

    /** The request's method, or empty for a response. */
    static Optional<String> method(String message) {
        return message.startsWith("SIP/2.0") ? Optional.empty() : Optional.of(message.substring(0, message.indexOf(' ')));
    }
}
