package io.verbund.acd.runtime.http;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The largest request body each endpoint reads, checked before anything else (authentication
 * included) reads it. Defaults, each settable as a system property:
 * <ul>
 * <li>{@value #LOGIN} = 4 KiB: the unauthenticated login ({@code POST /api/v1/session}), a login
 * and a password;</li>
 * <li>{@value #UPLOAD} = 64 MiB: the portal's prompt upload ({@code PUT /api/v1/prompts/…}), ten
 * minutes of 16-bit PCM at 48 kHz;</li>
 * <li>{@value #API} = 1 MiB: every other JSON API of the portal, stats-service and the telephony
 * server (the largest real body, a call flow graph, is a few dozen KiB);</li>
 * <li>storage-service ({@code /storage}): none here; it limits each file category itself
 * ({@code verbund.storage.max-size.*}, up to 2 GiB for recordings), after authentication, and
 * Undertow's listener {@code max-post-size} is the ceiling for everything.</li>
 * </ul>
 */
public record BodyLimits(long login, long upload, long api) {

    public static final String LOGIN = "verbund.http.max-body.login";
    public static final String UPLOAD = "verbund.http.max-body.upload";
    public static final String API = "verbund.http.max-body.api";
    /** No limit of this filter's own (the listener's ceiling still holds). */
    public static final long NONE = Long.MAX_VALUE;

    public static final BodyLimits DEFAULTS = new BodyLimits(4 * 1024, 64L * 1024 * 1024, 1024 * 1024);

    public static BodyLimits fromSystemProperties() {
        return from(System::getProperty);
    }

    static BodyLimits from(UnaryOperator<String> properties) {
        return new BodyLimits(size(properties, LOGIN, DEFAULTS.login), size(properties, UPLOAD, DEFAULTS.upload),
                size(properties, API, DEFAULTS.api));
    }

    /**
     * @param contextPath the WAR's, e.g. {@code ""} (portal), {@code /storage}
     * @param path        below the context, e.g. {@code /api/v1/session}
     */
    public long limitFor(String contextPath, String path, String method) {
        if ("/storage".equals(contextPath)) {
            return NONE;
        }
        String normalized = path == null ? "" : path.replaceAll("/{2,}", "/");
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        if (contextPath.isEmpty() && normalized.equals("/api/v1/session")) {
            return login;
        }
        if (contextPath.isEmpty() && normalized.startsWith("/api/v1/prompts/") && "PUT".equals(method.toUpperCase(Locale.ROOT))) {
            return upload;
        }
        return api;
    }

    private static long size(UnaryOperator<String> properties, String name, long fallback) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("KIB")) {
            unit = 1024;
        } else if (text.endsWith("MIB")) {
            unit = 1024 * 1024;
        } else if (text.endsWith("GIB")) {
            unit = 1024L * 1024 * 1024;
        }
        String digits = unit == 1 ? text : text.substring(0, text.length() - 3).strip();
        return Long.parseLong(digits) * unit;
    }
}
