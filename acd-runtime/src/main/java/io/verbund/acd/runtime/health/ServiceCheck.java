package io.verbund.acd.runtime.health;

/**
 * A health check only one service has (e.g. the storage service's root folder), found by CDI and
 * reported under {@code checks.<name>} of that service's health; DOWN makes the service DOWN.
 */
public interface ServiceCheck {

    /** The key in {@code checks}, e.g. {@code storage}. */
    String name();

    Check check();
}
