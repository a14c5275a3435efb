/**
 * Delivery of the browser app (the Vite build at the root of the WAR): which requests get the app
 * shell {@code index.html} so that deep links and reloads of browser routes work ({@link
 * io.verbund.acd.portal.app.BrowserRoutes}), how long browsers may cache what ({@link
 * io.verbund.acd.portal.app.Delivery}), and the security headers on every response ({@link
 * io.verbund.acd.portal.app.SecurityHeaders}), applied by {@link
 * io.verbund.acd.portal.app.AppShellFilter}.
 */
package io.verbund.acd.portal.app;
