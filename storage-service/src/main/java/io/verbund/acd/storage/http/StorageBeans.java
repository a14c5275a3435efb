package io.verbund.acd.storage.http;

import io.verbund.acd.storage.StorageSettings;
import io.verbund.acd.storage.file.FileStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The store on the configured root, one per deployment. */
@ApplicationScoped
public class StorageBeans {

    /** One store for the deployment (its locks must be shared); {@code @Singleton}, as the final class cannot be proxied. */
    @Produces
    @Singleton
    FileStore fileStore(StorageSettings settings, Clock clock) {
        return new FileStore(settings.root(), clock);
    }
}
