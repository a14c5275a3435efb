package io.verbund.acd.portal.call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A group's CRM URL template filled in for one call: {@code {caller}}, {@code {serviceNumber}}
 * and {@code {callId}}, each URL-encoded, so a caller's number such as {@code +49…} cannot break
 * or bend the link.
 */
final class CrmLink {

    private CrmLink() {
    }

    /** @return the link, or null without a template */
    static String of(String template, String caller, String serviceNumber, String callId) {
        if (template == null) {
            return null;
        }
        return template.replace("{caller}", encoded(caller)).replace("{serviceNumber}", encoded(serviceNumber))
                .replace("{callId}", encoded(callId));
    }

    private static String encoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
