/**
 * The HTTP edge every Verbund WAR shares, registered by this jar's {@code META-INF/web-fragment.xml}:
 * request body limits per endpoint ({@link io.verbund.acd.runtime.http.RequestLimits}) and the
 * baseline security headers ({@link io.verbund.acd.runtime.http.BaselineHeaders}).
 */
package io.verbund.acd.runtime.http;
