package io.verbund.acd.portal.app;

import java.util.Optional;

/**
 * How one request to the portal is answered, and how long a browser may keep the answer.
 */
public enum Delivery {

    /**
     * Left to the container as it is: the REST API, health, non-GET requests, files that do not
     * exist (a real 404). No caching rule of the app's.
     */
    PASS_THROUGH(null),

    /**
     * {@code index.html} for a browser route ({@code /agent}, {@code /admin/...}). Always
     * revalidated, because it names the current build's hashed bundles: a cached copy would load
     * an old release, or bundles that no longer exist.
     */
    APP_SHELL("no-cache"),

    /**
     * A bundle under {@code /assets/} whose name carries a hash of its content (Vite's output): a
     * new build gets new names, so a browser may keep these for good.
     */
    HASHED_ASSET("public, max-age=31536000, immutable"),

    /** Another file of the build (e.g. {@code favicon.svg}): unhashed, so served with the container's defaults. */
    STATIC_FILE(null);

    private final String cacheControl;

    Delivery(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    /** The {@code Cache-Control} value to send, or empty to leave the container's. */
    public Optional<String> cacheControl() {
        return Optional.ofNullable(cacheControl);
    }
}
