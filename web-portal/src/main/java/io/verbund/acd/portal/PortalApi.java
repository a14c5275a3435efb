package io.verbund.acd.portal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API for integrators and the browser app, under /api/v1.
 */
@ApplicationPath("/api/v1")
public class PortalApi extends Application {
}
