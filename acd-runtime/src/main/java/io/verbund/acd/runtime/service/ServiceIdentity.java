package io.verbund.acd.runtime.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names this deployment so that a health answer, a log line or an operator can tell which service
 * on which node said it. Each WAR sets {@code verbund.service.name} in its
 * {@code META-INF/microprofile-config.properties}; the node is WildFly's {@code jboss.node.name}.
 */
@ApplicationScoped
public class ServiceIdentity {

    private final String service;
    private final String node;
    private final String version;

    @Inject
    public ServiceIdentity(@ConfigProperty(name = "verbund.service.name") String service,
                           @ConfigProperty(name = "jboss.node.name") Optional<String> node) {
        this.service = service;
        this.node = node.orElse("unnamed");
        this.version = Optional.ofNullable(ServiceIdentity.class.getPackage().getImplementationVersion())
                .orElse("development");
    }

    /** For CDI's proxy only. */
    protected ServiceIdentity() {
        this.service = null;
        this.node = null;
        this.version = null;
    }

    public String service() {
        return service;
    }

    public String node() {
        return node;
    }

    public String version() {
        return version;
    }
}
