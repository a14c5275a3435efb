package io.verbund.acd.callflow;

import java.util.Optional;

/** One parameter of a node type, as the tenant admin fills it in. */
public record NodeParameter(String name, boolean required, ParameterFormat format, String description) {

    static NodeParameter required(String name, ParameterFormat format, String description) {
        return new NodeParameter(name, true, format, description);
    }

    static NodeParameter optional(String name, ParameterFormat format, String description) {
        return new NodeParameter(name, false, format, description);
    }

    /** The kind of tenant configuration the value names, if it names one. */
    public Optional<TenantResource> names() {
        return format instanceof ParameterFormat.NameOf name ? Optional.of(name.resource()) : Optional.empty();
    }
}
