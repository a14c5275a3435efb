package io.verbund.acd.portal.session;

import java.util.List;

/**
 * Who is logged in, as the browser app needs it to draw its menus; {@code csrfToken} must be sent
 * back in {@code X-CSRF-Token} with every request that changes something.
 *
 * @param agent  the extension the user works as, or null
 * @param locale the user's language (else the tenant's), e.g. {@code de}
 */
public record SessionDocument(String login, String displayName, String tenant, List<String> roles, String agent,
                              String locale, String csrfToken) {
}
