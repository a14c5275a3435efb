package io.verbund.acd.callflow;

/**
 * What a tenant has configured that a call flow may name. The check asks through this port, so it
 * stays plain Java; an adapter answers from the tenant's configuration.
 */
public interface CallFlowReferences {

    boolean hasPrompt(String name);

    boolean hasGroup(String name);

    boolean hasOpeningHours(String name);
}
