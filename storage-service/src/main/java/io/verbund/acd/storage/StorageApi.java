package io.verbund.acd.storage;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Tenants' files on the shared file root, per tenant and category.
 */
@ApplicationPath("/")
public class StorageApi extends Application {
}
