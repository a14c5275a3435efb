package io.verbund.acd.portal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources (classes, or single methods) whose successful writes change the configuration
 * calls are routed by: {@link ConfigurationAnnouncer} then tells every node.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ChangesConfiguration {

    /** The kind of thing, as the {@code config} event names it: {@code group}, {@code call-flow}, … */
    String value();
}
