package io.verbund.acd.runtime.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;

/**
 * The language a request's problem answers are worded in: German when the client's
 * {@code Accept-Language} prefers it to English, English otherwise and when the header is absent.
 * Held for the request's thread, so a problem thrown deep in a service is worded for its client
 * without a locale passed through every call. Problem types and field names stay as they are: only
 * the words for people change.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLanguage implements ContainerRequestFilter, ContainerResponseFilter {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;

    private static final ThreadLocal<Locale> CURRENT = new ThreadLocal<>();

    /** The language of the request this thread serves; English outside a request. */
    public static Locale current() {
        Locale language = CURRENT.get();
        return language == null ? ENGLISH : language;
    }

    /** The language an {@code Accept-Language} header asks for, of the two the API speaks; null or unreadable: English. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException unreadable) {
            return ENGLISH;
        }
        // parse() orders the ranges by weight, the client's order kept among equal weights.
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("de")) {
                return GERMAN;
            }
            if (language.equals("en") || language.equals("*")) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    /** For the tests and for work a request hands on within its own thread. */
    public static void use(Locale language) {
        if (language == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(language);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        use(of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // Pooled threads serve other requests next: none may inherit this one's language.
        CURRENT.remove();
    }
}
