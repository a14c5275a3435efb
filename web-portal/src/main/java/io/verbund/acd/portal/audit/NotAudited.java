package io.verbund.acd.portal.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write method that changes no configuration or security setting (an agent's state, call
 * control, a login), so the audit log leaves it out: said out loud, with the reason, so that a
 * forgotten {@link Audited} is a failing test and not a silent gap.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotAudited {

    /** Why the method is no configuration change. */
    String value();
}
