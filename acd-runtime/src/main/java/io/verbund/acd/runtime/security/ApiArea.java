package io.verbund.acd.runtime.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The part of the API a resource class belongs to, so an API token's scopes can be checked before
 * the resource runs. A resource without it is closed to tokens: forgetting it cannot open anything.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiArea {

    Area value();

    enum Area { CONFIG, AGENTS, CALLS, EVENTS, STATS, STORAGE }
}
