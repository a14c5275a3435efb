package io.verbund.acd.portal.app;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides, from the method and the path alone, how a request is delivered ({@link Delivery}).
 *
 * <p>The browser app routes on the client ({@code /agent}, {@code /supervisor}, {@code
 * /wallboard}, {@code /admin/...}, {@code /login}); the server has no such files, so without this
 * a reload or a bookmarked deep link would be a 404. Every GET that is not the API, not health
 * and not an existing file therefore gets {@code index.html}, and the app shows the route.
 *
 * <p>Exception: a path whose last segment looks like a file name ({@code /robots.txt}, {@code
 * /assets/old-bundle.js}) and does not exist stays a real 404. Answering it with HTML would hide
 * a broken link to a file, and a stale page asking for a bundle of an earlier build would get
 * HTML where it expects JavaScript. The app's routes have no dots in their last segment.
 */
public final class BrowserRoutes {

    /** The portal's JAX-RS application ({@code PortalApi}) and anything below it. */
    private static final String API = "/api";
    /** Health of the service, reserved for the server (also under the API today). */
    private static final String HEALTH = "/health";
    /** Where Vite puts its hashed bundles ({@code build.assetsDir}). */
    private static final String ASSETS = "/assets/";
    private static final String INDEX = "/index.html";

    private final Predicate<String> existingFile;

    /**
     * @param existingFile whether the WAR has a file (not a folder) at a path such as {@code /favicon.svg}
     */
    public BrowserRoutes(Predicate<String> existingFile) {
        this.existingFile = Objects.requireNonNull(existingFile, "existingFile");
    }

    /**
     * @param method the request's HTTP method
     * @param path the path within the application, decoded and normalised by the container
     *             (servlet path plus path info), e.g. {@code /admin/users}
     */
    public Delivery deliveryOf(String method, String path) {
        String within = path == null || path.isEmpty() ? "/" : path;
        if (isUnder(within, API) || isUnder(within, HEALTH) || isContainerPrivate(within)) {
            return Delivery.PASS_THROUGH;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Delivery.PASS_THROUGH;
        }
        if (within.equals("/") || within.equals(INDEX)) {
            return Delivery.APP_SHELL;
        }
        if (within.startsWith(ASSETS)) {
            return isFile(within) ? Delivery.HASHED_ASSET : Delivery.PASS_THROUGH;
        }
        if (isFile(within)) {
            return Delivery.STATIC_FILE;
        }
        return looksLikeAFileName(within) ? Delivery.PASS_THROUGH : Delivery.APP_SHELL;
    }

    private boolean isFile(String path) {
        return !path.endsWith("/") && existingFile.test(path);
    }

    /** The prefix itself or anything below it, but not {@code /apiary} for {@code /api}. */
    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** WEB-INF and META-INF are never served; the container answers 404 itself. */
    private static boolean isContainerPrivate(String path) {
        String upper = path.toUpperCase(Locale.ROOT);
        return isUnder(upper, "/WEB-INF") || isUnder(upper, "/META-INF");
    }

    private static boolean looksLikeAFileName(String path) {
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return lastSegment.contains(".");
    }
}
